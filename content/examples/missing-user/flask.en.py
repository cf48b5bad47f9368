# Flask 3.1 · exercise: an app that survives a key change.
# Save it as app.py (not flask.py: that would shadow the flask package) and run:
#   pip install 'flask>=3.1.3'  →  flask --app app run  →  open http://127.0.0.1:5000/perfil
from flask import Flask, request, session
from markupsafe import escape

app = Flask(__name__)
# Lab only: the same key the simulator uses, so the cookies match byte for byte.
app.secret_key = 'tu_clave_secreta_aqui'


@app.post('/login')
def login():
    session['username'] = request.form.get('username', '')
    return 'You are logged in.'


# When the key changes, old cookies' signatures no longer verify and Flask opens an empty session.
# TODO: without 'username', answer 'You are not logged in.' (session['username'] raises KeyError
#       and the visitor sees a 500 error).
@app.route('/perfil')
def perfil():
    return f'Welcome, {escape(session["username"])}!'


# TODO: pop without a default raises KeyError when the key is missing.
@app.route('/logout')
def logout():
    session.pop('username')
    return 'You are logged out.'
