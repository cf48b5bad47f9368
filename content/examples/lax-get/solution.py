# Flask 3.1 · solución del ejercicio: con SameSite=Lax, un GET no debe cambiar nada.
# Guárdalo como app.py (no como flask.py: taparía el paquete flask) y ejecuta:
#   pip install 'flask>=3.1.3'  →  flask --app app run  →  abre http://127.0.0.1:5000/favoritos
from flask import Flask, request, session
from markupsafe import escape

app = Flask(__name__)
# Solo para el laboratorio: la misma clave que usa el simulador, para que las cookies coincidan.
app.secret_key = 'tu_clave_secreta_aqui'
# La cookie no acompaña a los formularios POST ni a las imágenes de otros sitios, pero SÍ a un
# enlace (GET) que lleva hasta aquí.
app.config['SESSION_COOKIE_SAMESITE'] = 'Lax'


@app.post('/favoritos')
def guardar():
    item = request.form.get('item', '')
    session['favoritos'] = session.get('favoritos', []) + [item]
    return f'Guardado: {escape(item)}.'


@app.get('/favoritos')
def favoritos():
    favoritos = session.get('favoritos', [])
    if not favoritos:
        return 'No tienes favoritos.'
    return f'Favoritos: {", ".join(escape(f) for f in favoritos)}.'


# Un enlace desde otro sitio llega con la cookie (Lax), así que GET solo pregunta; borra POST,
# que desde otro sitio llega sin cookie.
@app.get('/favoritos/borrar')
def confirmar():
    return '''
  <form method="post" action="/favoritos/borrar">
    <button>Borrar mis favoritos</button>
  </form>'''


@app.post('/favoritos/borrar')
def borrar():
    session.pop('favoritos', None)
    return 'Favoritos borrados.'
