# Flask 3.1 · the exercise's solution: with SameSite=Lax, a GET must change nothing.
# Save it as app.py (not flask.py: that would shadow the flask package) and run:
#   pip install 'flask>=3.1.3'  →  flask --app app run  →  open http://127.0.0.1:5000/favoritos
from flask import Flask, request, session
from markupsafe import escape

app = Flask(__name__)
# Lab only: the same key the simulator uses, so the cookies match byte for byte.
app.secret_key = 'tu_clave_secreta_aqui'
# The cookie does not go with POST forms or images from other sites, but it DOES go with a link
# (GET) that leads here.
app.config['SESSION_COOKIE_SAMESITE'] = 'Lax'


@app.post('/favoritos')
def guardar():
    item = request.form.get('item', '')
    session['favoritos'] = session.get('favoritos', []) + [item]
    return f'Saved: {escape(item)}.'


@app.get('/favoritos')
def favoritos():
    favoritos = session.get('favoritos', [])
    if not favoritos:
        return 'You have no favourites.'
    return f'Favourites: {", ".join(escape(f) for f in favoritos)}.'


# A link from another site arrives with the cookie (Lax), so GET only asks; POST deletes, and
# from another site it arrives without the cookie.
@app.get('/favoritos/borrar')
def confirmar():
    return '''
  <form method="post" action="/favoritos/borrar">
    <button>Delete my favourites</button>
  </form>'''


@app.post('/favoritos/borrar')
def borrar():
    session.pop('favoritos', None)
    return 'Favourites deleted.'
