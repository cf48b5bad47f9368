# Flask 3.1 · ejercicio: las reglas de guardado, fijadas con pruebas.
# Guárdalo como app.py (no como flask.py: taparía el paquete flask) y ejecuta:
#   pip install 'flask>=3.1.3'  →  flask --app app run  →  abre http://127.0.0.1:5000/tema/oscuro
# Las mismas comprobaciones, como pruebas con pytest y el cliente de Flask, están en la lección.
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
    # TODO 1: una lectura no debe reenviar la cookie. Esta línea «por si acaso» lo hace.
    session.modified = True
    if 'username' in session:
        return f'Bienvenido, {escape(session["username"])}!'
    return 'No has iniciado sesión.'


@app.route('/tema/<nombre>')
def tema(nombre):
    prefs = session.setdefault('prefs', {})
    prefs['tema'] = nombre
    # TODO 2: el cambio es DENTRO de un dict de la sesión: Flask no lo detecta y, desde la segunda
    #         vez, no envía Set-Cookie. Avísale.
    return f'Tema: {escape(nombre)}.'
