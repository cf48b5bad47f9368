# Flask 3.1 · exercise: a per-user visit counter.
# Save it as app.py (not flask.py: that would shadow the flask package) and run:
#   pip install 'flask>=3.1.3'  →  flask --app app run  →  open http://127.0.0.1:5000/
from flask import Flask, session

app = Flask(__name__)
# Lab only: the same key the simulator uses, so the cookies match byte for byte.
app.secret_key = 'tu_clave_secreta_aqui'


@app.route('/')
def index():
    # Each browser carries its own counter inside its cookie: the server stores nothing.
    visitas = session.get('visitas', 0)
    # TODO: add 1 and store the result in session['visitas'].
    return f'Visits: {visitas}'


@app.route('/reiniciar')
def reiniciar():
    # TODO: remove 'visitas' from the session.
    return 'Counter reset.'
