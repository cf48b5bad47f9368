# Flask 3.1 · exercise: the saving rules, pinned down by tests.
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
    # TODO 1: a read must not send the cookie again. This "just in case" line does.
    session.modified = True
    if 'username' in session:
        return f'Welcome, {escape(session["username"])}!'
    return 'You are not logged in.'


@app.route('/tema/<nombre>')
def tema(nombre):
    prefs = session.setdefault('prefs', {})
    prefs['tema'] = nombre
    # TODO 2: the change is INSIDE a dict in the session: Flask does not notice it and, from the
    #         second time on, sends no Set-Cookie. Tell it.
    return f'Theme: {escape(nombre)}.'
