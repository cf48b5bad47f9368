# Flask 3.1 · the course's original example: store, read and delete session data.
# Save it as app.py (not flask.py: that would shadow the flask package) and run:
#   pip install 'flask>=3.1.3'  →  flask --app app run  →  open http://127.0.0.1:5000/
from flask import Flask, session

app = Flask(__name__)
# Lab only: the same key the simulator uses, so the cookies match byte for byte.
# A real app reads its key from an environment variable (see the "Secret key" lesson).
app.secret_key = 'tu_clave_secreta_aqui'


@app.route('/')
def index():
    session['username'] = 'ejemplo_usuario'  # same data as the Spanish course
    return 'Data stored in the session.'


@app.route('/perfil')
def perfil():
    if 'username' in session:
        return f'Welcome, {session["username"]}!'
    return 'You are not logged in.'


@app.route('/logout')
def logout():
    session.pop('username', None)
    return 'You have logged out.'
