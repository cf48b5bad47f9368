# Flask 3.1 · ejercicio: un formulario de acceso que guarda el usuario en la sesión.
# Guárdalo como app.py (no como flask.py: taparía el paquete flask) y ejecuta:
#   pip install 'flask>=3.1.3'  →  flask --app app run  →  abre http://127.0.0.1:5000/login
from flask import Flask, request, session
from markupsafe import escape

app = Flask(__name__)
# Solo para el laboratorio: la misma clave que usa el simulador, para que las cookies coincidan.
app.secret_key = 'tu_clave_secreta_aqui'


# Un formulario de juguete: no comprueba contraseña, no lleva token CSRF y no redirige tras el POST.
@app.get('/login')
def formulario():
    return '''
  <form method="post" action="/login">
    <label>Usuario <input name="username" autocomplete="username"></label>
    <button>Entrar</button>
  </form>'''


@app.post('/login')
def login():
    username = request.form.get('username', '').strip()
    # TODO 1: si `username` está vacío, responde ('Escribe un nombre de usuario.', 400)
    #         y no guardes nada en la sesión.
    # TODO 2: guarda `username` en la sesión con la clave 'username'.
    return f'Hola, {escape(username)}. Ya puedes ir a /perfil.'


@app.route('/perfil')
def perfil():
    if 'username' in session:
        return f'Bienvenido, {escape(session["username"])}!'
    return 'No has iniciado sesión.'


@app.route('/logout')
def logout():
    # clear() vacía toda la sesión: Flask responde con una cookie de borrado.
    session.clear()
    return 'Has cerrado sesión.'
