# Flask 3.1 · exercise: with SameSite=Lax, a GET must change nothing.
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


# TODO: a link on another site (<a href="https://your-app/favoritos/borrar">) would delete the
#       favourites, because Lax lets the cookie through on a top-level GET.
#       Make GET only show a confirmation form (<form method="post" ...>)
#       and let only POST /favoritos/borrar delete.
@app.get('/favoritos/borrar')
def borrar():
    session.pop('favoritos', None)
    return 'Favourites deleted.'
