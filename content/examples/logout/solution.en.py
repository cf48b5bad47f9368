# Flask 3.1 · the exercise's solution: really log out, with a deletion cookie.
# Save it as app.py (not flask.py: that would shadow the flask package) and run:
#   pip install 'flask>=3.1.3'  →  flask --app app run  →  try it with curl -c/-b (see the lesson)
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


@app.route('/logout')
def logout():
    # An empty session fits in no cookie: Flask answers with an empty Set-Cookie whose Expires is
    # in the past, and the browser deletes its copy.
    session.clear()
    return 'You are logged out.'
