# Flask 3.1 · ejercicio: cerrar sesión de verdad, con una cookie de borrado.
# Guárdalo como app.py (no como flask.py: taparía el paquete flask) y ejecuta:
#   pip install 'flask>=3.1.3'  →  flask --app app run  →  prueba con curl -c/-b (ver la lección)
from flask import Flask, request, session
from markupsafe import escape

app = Flask(__name__)
# Solo para el laboratorio: la misma clave que usa el simulador, para que las cookies coincidan.
app.secret_key = 'tu_clave_secreta_aqui'


@app.post('/login')
def login():
    session['username'] = request.form.get('username', '')
    return 'Has iniciado sesión.'


@app.route('/perfil')
def perfil():
    if 'username' in session:
        return f'Bienvenido, {escape(session["username"])}!'
    return 'No has iniciado sesión.'


@app.route('/logout')
def logout():
    # TODO: esto deja la cookie en el navegador, con username = None dentro.
    #       Haz que Flask envíe una cookie de borrado (Expires en el pasado).
    session['username'] = None
    return 'Has cerrado sesión.'
