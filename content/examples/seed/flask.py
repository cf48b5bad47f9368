# Flask 3.1 · el ejemplo original del curso: guardar, leer y borrar datos de la sesión.
# Guárdalo como app.py (no como flask.py: taparía el paquete flask) y ejecuta:
#   pip install 'flask>=3.1.3'  →  flask --app app run  →  abre http://127.0.0.1:5000/
from flask import Flask, session

app = Flask(__name__)
# Solo para el laboratorio: la misma clave que usa el simulador, para que las cookies coincidan.
# En una app real, la clave sale de una variable de entorno (ver la lección «La clave secreta»).
app.secret_key = 'tu_clave_secreta_aqui'


@app.route('/')
def index():
    session['username'] = 'ejemplo_usuario'
    return 'Datos almacenados en la sesión.'


@app.route('/perfil')
def perfil():
    if 'username' in session:
        return f'Bienvenido, {session["username"]}!'
    return 'No has iniciado sesión.'


@app.route('/logout')
def logout():
    session.pop('username', None)
    return 'Has cerrado sesión.'
