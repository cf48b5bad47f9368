# Flask 3.1 · the exercise's solution: a CSRF token like Flask-WTF's, and no change on GET.
# Save it as app.py (not flask.py: that would shadow the flask package) and run:
#   pip install 'flask>=3.1.3'  →  flask --app app run  →  open http://127.0.0.1:5000/cuenta
# In a real app, use Flask-WTF: CSRFProtect(app) does all of this for you.
import hmac
import re
import secrets

from flask import Flask, request, session

app = Flask(__name__)
# Lab only: the same key the simulator uses, so the cookies match byte for byte.
app.secret_key = 'tu_clave_secreta_aqui'


@app.get('/cuenta')
def cuenta():
    if 'saldo' not in session:
        session['saldo'] = 100  # demo account
    if 'csrf_token' not in session:
        session['csrf_token'] = secrets.token_hex(16)
    # Another site can submit this form, but it cannot read this page: it does not know the token.
    return f'''<p>Balance: €{session['saldo']}</p>
  <form method="post" action="/transferir">
    <input type="hidden" name="csrf_token" value="{session['csrf_token']}">
    <label>Amount <input name="cantidad" inputmode="numeric"></label>
    <button>Transfer</button>
  </form>'''


@app.post('/transferir')
def transferir():
    # First, before changing anything: the form's token must be the session's.
    # compare_digest does not stop at the first difference: timing reveals no partial guesses.
    enviado = request.form.get('csrf_token', '')
    if not enviado or not hmac.compare_digest(enviado.encode(), session.get('csrf_token', '').encode()):
        return 'The CSRF token is missing or invalid.', 400
    cantidad = request.form.get('cantidad', '')
    if not re.fullmatch(r'[0-9]+', cantidad):
        return 'Invalid amount.', 400
    session['saldo'] = session.get('saldo', 0) - int(cantidad)
    return f'Transferred €{cantidad}. Balance: €{session["saldo"]}.'


# A link or an image on another site (<img src="https://your-app/transferir?cantidad=10">) arrives
# with the cookie: GET changes nothing. (Flask would answer 405 without this route; this one says why.)
@app.get('/transferir')
def transferir_con_get():
    return 'Transferring is a POST: use the form at /cuenta.', 405
