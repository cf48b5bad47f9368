# Flask 3.1 · the exercise's solution: no statistics cookie without consent.
# Save it as app.py (not flask.py: that would shadow the flask package) and run:
#   pip install 'flask>=3.1.3'  →  flask --app app run  →  open http://127.0.0.1:5000/
from flask import Flask, request, session

app = Flask(__name__)
# Lab only: the same key the simulator uses, so the cookies match byte for byte.
app.secret_key = 'tu_clave_secreta_aqui'


# Counting visits for statistics is not strictly necessary to provide the service: the law
# (ePrivacy art. 5(3); in Spain, LSSI art. 22.2) requires prior consent to store it.
@app.route('/')
def index():
    # Without a "yes", the session does not change and Flask sends no cookie.
    if session.get('consentimiento') != 'si':
        return 'No statistics.'
    session['visitas'] = session.get('visitas', 0) + 1
    return f'Visits: {session["visitas"]}'


# Remembering the choice, whatever it is, is necessary: otherwise the site would have to ask again.
@app.post('/consentimiento')
def consentimiento():
    acepta = 'si' if request.form.get('acepta') == 'si' else 'no'
    session['consentimiento'] = acepta
    # Withdrawing consent is as easy as giving it, and deletes what was already counted.
    if acepta == 'no':
        session.pop('visitas', None)
    return 'Preference saved.'
