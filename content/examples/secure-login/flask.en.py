# Flask 3.1 · exercise: a safer login (fixation, absolute timeout, "log out everywhere").
# Save it as app.py (not flask.py: that would shadow the flask package) and run:
#   pip install 'flask>=3.1.3'  →  flask --app app run  →  try it with curl -c/-b (see the lesson)
import time

from flask import Flask, request, session
from markupsafe import escape

app = Flask(__name__)
# Lab only: the same key the simulator uses, so the cookies match byte for byte.
app.secret_key = 'tu_clave_secreta_aqui'

DOS_HORAS = 2 * 60 * 60

# Each user's session version. A signed cookie cannot be cancelled from the server: raising this
# number makes every cookie that carries the old one stop working.
# (In a real app, a column of the users table; here, the server's memory.)
versiones = {}


@app.before_request
def comprobar_sesion():
    if 'username' not in session:
        return
    # TODO 2: if more than DOS_HORAS have passed since session['inicio'], empty the session.
    # TODO 3: if session['version'] is not the user's current version, empty the session.


# A toy form: no password and no CSRF token, to keep the focus on the session.
@app.post('/login')
def login():
    username = request.form.get('username', '')
    # TODO 1: whatever was in the session before logging in (someone else's, or planted by an
    #         attacker) must not survive the login: empty it first.
    session['username'] = username
    # TODO 2: store the login time in session['inicio'] (int(time.time())).
    # TODO 3: store the user's current version in session['version'] (0 if they have none).
    return f'Hello, {escape(username)}.'


@app.route('/perfil')
def perfil():
    if 'username' in session:
        return f'Welcome, {escape(session["username"])}!'
    return 'You are not logged in.'


# (GET so it is easy to try; a real shop would use POST.)
@app.route('/agregar/<producto>')
def agregar(producto):
    session['carrito'] = session.get('carrito', []) + [producto]
    return f'Added: {escape(producto)}.'


@app.route('/carrito')
def carrito():
    carrito = session.get('carrito', [])
    if not carrito:
        return 'Your cart is empty.'
    return f'Cart: {", ".join(escape(p) for p in carrito)}.'


# "Log out everywhere": on the phone too, on a friend's computer…
@app.post('/salir-de-todo')
def salir_de_todo():
    # TODO 3: raise the user's version; emptying this session does not cancel the other cookies.
    session.clear()
    return 'You are logged out on all your devices.'
