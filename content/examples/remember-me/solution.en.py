# Flask 3.1 · the exercise's solution: "remember me" with a permanent session.
# Save it as app.py (not flask.py: that would shadow the flask package) and run:
#   pip install 'flask>=3.1.3'  →  flask --app app run  →  open http://127.0.0.1:5000/login
from datetime import timedelta

from flask import Flask, request, session
from markupsafe import escape

app = Flask(__name__)
# Lab only: the same key the simulator uses, so the cookies match byte for byte.
app.secret_key = 'tu_clave_secreta_aqui'
app.config['PERMANENT_SESSION_LIFETIME'] = timedelta(hours=1)


@app.get('/login')
def formulario():
    return '''
  <form method="post" action="/login">
    <label>Username <input name="username"></label>
    <label><input type="checkbox" name="recordar" value="si"> Remember me</label>
    <button>Log in</button>
  </form>'''


@app.post('/login')
def login():
    session['username'] = request.form.get('username', '')
    # Permanent: the cookie gets Expires (an hour from now) and is renewed on every request.
    session.permanent = request.form.get('recordar') == 'si'
    return 'You are logged in.'


@app.route('/perfil')
def perfil():
    if 'username' in session:
        return f'Welcome, {escape(session["username"])}!'
    return 'You are not logged in.'
