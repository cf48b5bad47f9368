# Flask 3.1 · ejercicio: «recuérdame» con una sesión permanente.
# Guárdalo como app.py (no como flask.py: taparía el paquete flask) y ejecuta:
#   pip install 'flask>=3.1.3'  →  flask --app app run  →  abre http://127.0.0.1:5000/login
from datetime import timedelta

from flask import Flask, request, session
from markupsafe import escape

app = Flask(__name__)
# Solo para el laboratorio: la misma clave que usa el simulador, para que las cookies coincidan.
app.secret_key = 'tu_clave_secreta_aqui'
app.config['PERMANENT_SESSION_LIFETIME'] = timedelta(hours=1)


@app.get('/login')
def formulario():
    return '''
  <form method="post" action="/login">
    <label>Usuario <input name="username"></label>
    <label><input type="checkbox" name="recordar" value="si"> Recuérdame</label>
    <button>Entrar</button>
  </form>'''


@app.post('/login')
def login():
    session['username'] = request.form.get('username', '')
    # TODO: si la casilla llegó marcada (recordar=si), haz la sesión permanente.
    return 'Has iniciado sesión.'


@app.route('/perfil')
def perfil():
    if 'username' in session:
        return f'Bienvenido, {escape(session["username"])}!'
    return 'No has iniciado sesión.'
