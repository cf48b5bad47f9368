# Flask 3.1 · solución del ejercicio: un login más seguro (fijación, caducidad absoluta, «salir de todo»).
# Guárdalo como app.py (no como flask.py: taparía el paquete flask) y ejecuta:
#   pip install 'flask>=3.1.3'  →  flask --app app run  →  prueba con curl -c/-b (ver la lección)
import time

from flask import Flask, request, session
from markupsafe import escape

app = Flask(__name__)
# Solo para el laboratorio: la misma clave que usa el simulador, para que las cookies coincidan.
app.secret_key = 'tu_clave_secreta_aqui'

DOS_HORAS = 2 * 60 * 60

# Versión de sesión de cada usuario. Una cookie firmada no se puede anular desde el servidor:
# subir este número hace que todas las que llevan el anterior dejen de valer.
# (En una app real, una columna de la tabla de usuarios; aquí, memoria del servidor.)
versiones = {}


@app.before_request
def comprobar_sesion():
    if 'username' not in session:
        return
    # Caducidad absoluta: cuenta desde el login, aunque la persona siga usando la app.
    caducada = time.time() - session['inicio'] > DOS_HORAS
    revocada = session['version'] != versiones.get(session['username'], 0)
    if caducada or revocada:
        session.clear()  # sesión vacía: Flask envía una cookie de borrado


# Un formulario de juguete: sin contraseña ni token CSRF, para centrarse en la sesión.
@app.post('/login')
def login():
    username = request.form.get('username', '')
    # Nada de antes del login sobrevive: ni datos de otra persona ni los que plantó un atacante.
    session.clear()
    session['username'] = username
    session['inicio'] = int(time.time())
    session['version'] = versiones.get(username, 0)
    return f'Hola, {escape(username)}.'


@app.route('/perfil')
def perfil():
    if 'username' in session:
        return f'Bienvenido, {escape(session["username"])}!'
    return 'No has iniciado sesión.'


# (Con GET para probarlo fácil; una tienda real usaría POST.)
@app.route('/agregar/<producto>')
def agregar(producto):
    session['carrito'] = session.get('carrito', []) + [producto]
    return f'Añadido: {escape(producto)}.'


@app.route('/carrito')
def carrito():
    carrito = session.get('carrito', [])
    if not carrito:
        return 'Tu carrito está vacío.'
    return f'Carrito: {", ".join(escape(p) for p in carrito)}.'


# «Cerrar sesión en todas partes»: también en el teléfono, en la computadora de un amigo…
@app.post('/salir-de-todo')
def salir_de_todo():
    # Vaciar esta sesión no anula las otras cookies, que siguen bien firmadas: subir la versión sí.
    if 'username' in session:
        username = session['username']
        versiones[username] = versiones.get(username, 0) + 1
    session.clear()
    return 'Has cerrado sesión en todos tus dispositivos.'
