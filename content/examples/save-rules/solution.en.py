# Flask 3.1 · the exercise's solution: the saving rules, pinned down by tests.
# Save it as app.py (not flask.py: that would shadow the flask package) and run:
#   pip install 'flask>=3.1.3'  →  flask --app app run  →  open http://127.0.0.1:5000/tema/oscuro
# The same checks, as tests with pytest and Flask's client, are in the lesson.
from flask import Flask, request, session
from markupsafe import escape

app = Flask(__name__)
# Lab only: the same key the simulator uses, so the cookies match byte for byte.
app.secret_key = 'tu_clave_secreta_aqui'


@app.post('/login')
def login():
    session['username'] = request.form.get('username', '')
    return 'You are logged in.'


@app.route('/perfil')
def perfil():
    if 'username' in session:
        return f'Welcome, {escape(session["username"])}!'
    return 'You are not logged in.'


@app.route('/tema/<nombre>')
def tema(nombre):
    prefs = session.setdefault('prefs', {})
    prefs['tema'] = nombre
    session.modified = True  # the change was INSIDE the dict: Flask misses it unless told
    return f'Theme: {escape(nombre)}.'
