# Flask 3.1 · solución del ejercicio: escapar lo que escribe el usuario (XSS).
# Guárdalo como app.py (no como flask.py: taparía el paquete flask) y ejecuta:
#   pip install 'flask>=3.1.3'  →  flask --app app run  →  abre http://127.0.0.1:5000/buscar?q=hola
# Las plantillas de Jinja escapan solas; una f-string que devuelves tal cual, no.
from flask import Flask, request, session
from markupsafe import escape

app = Flask(__name__)
# Solo para el laboratorio: la misma clave que usa el simulador, para que las cookies coincidan.
app.secret_key = 'tu_clave_secreta_aqui'

@app.post('/login')
def login():
    session['username'] = request.form.get('username', '')
    return 'Has iniciado sesión. Ve a /perfil.'


# Si el nombre es <script>…</script>, el navegador lo ejecutaría en esta página, con acceso a
# todo lo que la página ve (document.cookie incluido, salvo las cookies HttpOnly).
@app.route('/perfil')
def perfil():
    if 'username' in session:
        return f'<h1>Bienvenido, {escape(session["username"])}!</h1>'
    return 'No has iniciado sesión.'


# Lo mismo con lo que llega en la URL: cualquiera puede mandarte un enlace preparado.
@app.route('/buscar')
def buscar():
    q = request.args.get('q', '')
    return f'<p>Resultados para: {escape(q)}</p>'
