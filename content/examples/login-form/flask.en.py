# Flask 3.1 · exercise: a login form that stores the username in the session.
# Save it as app.py (not flask.py: that would shadow the flask package) and run:
#   pip install 'flask>=3.1.3'  →  flask --app app run  →  open http://127.0.0.1:5000/login
from flask import Flask, request, session
from markupsafe import escape

app = Flask(__name__)
# Lab only: the same key the simulator uses, so the cookies match byte for byte.
app.secret_key = 'tu_clave_secreta_aqui'


# A toy form: it checks no password, carries no CSRF token and does not redirect after the POST.
@app.get('/login')
def login_form():
    return '''
  <form method="post" action="/login">
    <label>Username <input name="username" autocomplete="username"></label>
    <button>Log in</button>
  </form>'''


@app.post('/login')
def login():
    username = request.form.get('username', '').strip()
    # TODO 1: if `username` is empty, answer ('Please type a username.', 400)
    #         and store nothing in the session.
    # TODO 2: store `username` in the session under the key 'username'.
    return f'Hi, {escape(username)}. You can go to /perfil now.'


@app.route('/perfil')
def perfil():
    if 'username' in session:
        return f'Welcome, {escape(session["username"])}!'
    return 'You are not logged in.'


@app.route('/logout')
def logout():
    # clear() empties the whole session: Flask answers with a deletion cookie.
    session.clear()
    return 'You have logged out.'
