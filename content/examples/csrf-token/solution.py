# Flask 3.1 · solución del ejercicio: un token CSRF como el de Flask-WTF, y ningún cambio con GET.
# Guárdalo como app.py (no como flask.py: taparía el paquete flask) y ejecuta:
#   pip install 'flask>=3.1.3'  →  flask --app app run  →  abre http://127.0.0.1:5000/cuenta
# En una app real, usa Flask-WTF: CSRFProtect(app) hace todo esto por ti.
import hmac
import re
import secrets

from flask import Flask, request, session

app = Flask(__name__)
# Solo para el laboratorio: la misma clave que usa el simulador, para que las cookies coincidan.
app.secret_key = 'tu_clave_secreta_aqui'


@app.get('/cuenta')
def cuenta():
    if 'saldo' not in session:
        session['saldo'] = 100  # cuenta de demostración
    if 'csrf_token' not in session:
        session['csrf_token'] = secrets.token_hex(16)
    # Otro sitio puede enviar este formulario, pero no puede leer esta página: no conoce el token.
    return f'''<p>Saldo: {session['saldo']} €</p>
  <form method="post" action="/transferir">
    <input type="hidden" name="csrf_token" value="{session['csrf_token']}">
    <label>Cantidad <input name="cantidad" inputmode="numeric"></label>
    <button>Transferir</button>
  </form>'''


@app.post('/transferir')
def transferir():
    # Lo primero, antes de cambiar nada: el token del formulario debe ser el de la sesión.
    # compare_digest no se detiene en la primera diferencia: el tiempo no delata aciertos parciales.
    enviado = request.form.get('csrf_token', '')
    if not enviado or not hmac.compare_digest(enviado.encode(), session.get('csrf_token', '').encode()):
        return 'Falta el token CSRF o no es válido.', 400
    cantidad = request.form.get('cantidad', '')
    if not re.fullmatch(r'[0-9]+', cantidad):
        return 'Cantidad no válida.', 400
    session['saldo'] = session.get('saldo', 0) - int(cantidad)
    return f'Transferidos {cantidad} €. Saldo: {session["saldo"]} €.'


# Un enlace o una imagen de otro sitio (<img src="https://tu-app/transferir?cantidad=10">) llegan
# con la cookie: GET no cambia nada. (Flask ya respondería 405 sin esta ruta; aquí lo explica.)
@app.get('/transferir')
def transferir_con_get():
    return 'Transferir es un POST: usa el formulario de /cuenta.', 405
