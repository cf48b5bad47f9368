# Flask 3.1 · "remember me": permanent sessions and how they expire.
# Save it as app.py (not flask.py: that would shadow the flask package) and run:
#   pip install 'flask>=3.1.3'  →  flask --app app run  →  open http://127.0.0.1:5000/recordarme
from datetime import timedelta

from flask import Flask, session

app = Flask(__name__)
# Lab only: the same key the simulator uses, so the cookies match byte for byte.
app.secret_key = 'tu_clave_secreta_aqui'
# 1 hour instead of the default 31 days, so you can watch it expire with the lab's clock.
# Careful: it is also the maximum signature age of ANY session cookie, permanent or not.
app.config['PERMANENT_SESSION_LIFETIME'] = timedelta(hours=1)


@app.route('/login')
def login():
    # Ordinary session: the cookie has no Expires and the browser drops it when it closes.
    session['username'] = 'ejemplo_usuario'
    return 'Logged in (until you close the browser).'


@app.route('/recordarme')
def recordarme():
    # "Remember me": Expires = now + PERMANENT_SESSION_LIFETIME.
    session['username'] = 'ejemplo_usuario'
    session.permanent = True
    return 'Logged in: we will remember you for 1 hour.'


@app.route('/perfil')
def perfil():
    # Only reads. Even so, a permanent session is signed again on every request
    # (SESSION_REFRESH_EACH_REQUEST) and its Expires moves forward.
    if 'username' in session:
        return f'Welcome, {session["username"]}!'
    return 'You are not logged in.'


@app.route('/logout')
def logout():
    session.clear()
    return 'You have logged out.'
