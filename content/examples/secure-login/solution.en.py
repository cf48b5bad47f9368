# Flask 3.1 · the exercise's solution: a safer login (fixation, absolute timeout, "log out everywhere").
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
    # Absolute timeout: counted from the login, even if the person keeps using the app.
    caducada = time.time() - session['inicio'] > DOS_HORAS
    revocada = session['version'] != versiones.get(session['username'], 0)
    if caducada or revocada:
        session.clear()  # empty session: Flask sends a deletion cookie


# A toy form: no password and no CSRF token, to keep the focus on the session.
@app.post('/login')
def login():
    username = request.form.get('username', '')
    # Nothing from before the login survives: neither someone else's data nor an attacker's.
    session.clear()
    session['username'] = username
    session['inicio'] = int(time.time())
    session['version'] = versiones.get(username, 0)
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
    # Emptying this session does not cancel the other cookies, still validly signed: a new version does.
    if 'username' in session:
        username = session['username']
        versiones[username] = versiones.get(username, 0) + 1
    session.clear()
    return 'You are logged out on all your devices.'
