# Flask 3.1 · the exercise's solution: what not to keep in a session anyone can read.
# Save it as app.py (not flask.py: that would shadow the flask package) and run:
#   pip install 'flask>=3.1.3'  →  flask --app app run  →  open http://127.0.0.1:5000/pagar
from flask import Flask, request, session

app = Flask(__name__)
# Lab only: the same key the simulator uses, so the cookies match byte for byte.
app.secret_key = 'tu_clave_secreta_aqui'


@app.get('/pagar')
def formulario():
    return '''
  <form method="post" action="/pagar">
    <label>Card number <input name="tarjeta" inputmode="numeric" autocomplete="cc-number"></label>
    <button>Pay</button>
  </form>'''


@app.post('/pagar')
def pagar():
    numero = request.form.get('tarjeta', '').replace(' ', '')
    # (The payment would be charged here.) The receipt needs to remember which card paid.
    # The cookie is signed, not encrypted: whoever has it reads it. Only the last four digits.
    session['tarjeta_final'] = numero[-4:]
    return 'Payment recorded. See your receipt at /recibo.'


@app.route('/recibo')
def recibo():
    if 'tarjeta_final' in session:
        return f'You paid with the card ending in {session["tarjeta_final"]}.'
    return 'You have not paid yet.'
