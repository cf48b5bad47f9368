# Flask 3.1 · ejercicio: qué no guardar en una sesión que cualquiera puede leer.
# Guárdalo como app.py (no como flask.py: taparía el paquete flask) y ejecuta:
#   pip install 'flask>=3.1.3'  →  flask --app app run  →  abre http://127.0.0.1:5000/pagar
from flask import Flask, request, session

app = Flask(__name__)
# Solo para el laboratorio: la misma clave que usa el simulador, para que las cookies coincidan.
app.secret_key = 'tu_clave_secreta_aqui'


@app.get('/pagar')
def formulario():
    return '''
  <form method="post" action="/pagar">
    <label>Número de tarjeta <input name="tarjeta" inputmode="numeric" autocomplete="cc-number"></label>
    <button>Pagar</button>
  </form>'''


@app.post('/pagar')
def pagar():
    numero = request.form.get('tarjeta', '').replace(' ', '')
    # (Aquí se cobraría el pago.) El recibo necesita recordar con qué tarjeta se pagó.
    # TODO: la cookie se firma pero no se cifra: cualquiera que la tenga lee el número entero.
    #       Guarda solo los cuatro últimos dígitos, en session['tarjeta_final'].
    session['tarjeta'] = numero
    return 'Pago registrado. Mira tu recibo en /recibo.'


@app.route('/recibo')
def recibo():
    if 'tarjeta' in session:
        return f'Pagaste con la tarjeta terminada en {session["tarjeta"][-4:]}.'
    return 'Todavía no has pagado.'
