# Flask 3.1 · exercise: what the session's JSON cannot store.
# Save it as app.py (not flask.py: that would shadow the flask package) and run:
#   pip install 'flask>=3.1.3'  →  flask --app app run  →  open http://127.0.0.1:5000/ver/inicio
from flask import Flask, session

app = Flask(__name__)
# Lab only: the same key the simulator uses, so the cookies match byte for byte.
app.secret_key = 'tu_clave_secreta_aqui'


# Remembers which different pages each visitor has seen.
@app.route('/ver/<pagina>')
def ver(pagina):
    # TODO: a set has no form in Flask's JSON: when the session is saved, Flask raises
    #       TypeError and the response is a 500. Store a list without repeats.
    vistas = set(session.get('vistas', []))
    vistas.add(pagina)
    session['vistas'] = vistas
    return f'Different pages seen: {len(vistas)}'
