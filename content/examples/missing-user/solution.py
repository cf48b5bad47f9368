# Flask 3.1 · solución del ejercicio: una app que sobrevive a un cambio de clave.
# Guárdalo como app.py (no como flask.py: taparía el paquete flask) y ejecuta:
#   pip install 'flask>=3.1.3'  →  flask --app app run  →  abre http://127.0.0.1:5000/perfil
from flask import Flask, request, session
from markupsafe import escape

app = Flask(__name__)
# Solo para el laboratorio: la misma clave que usa el simulador, para que las cookies coincidan.
app.secret_key = 'tu_clave_secreta_aqui'


@app.post('/login')
def login():
    session['username'] = request.form.get('username', '')
    return 'Has iniciado sesión.'


# Si la clave cambia, la firma de las cookies viejas ya no vale y Flask abre una sesión vacía.
# Por eso se pregunta antes de leer: session['username'] lanzaría KeyError (un 500).
@app.route('/perfil')
def perfil():
    if 'username' in session:
        return f'Bienvenido, {escape(session["username"])}!'
    return 'No has iniciado sesión.'


# Con un valor por defecto, pop no falla cuando la clave no está.
@app.route('/logout')
def logout():
    session.pop('username', None)
    return 'Has cerrado sesión.'
