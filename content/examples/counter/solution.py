# Flask 3.1 · solución del ejercicio: un contador de visitas por usuario.
# Guárdalo como app.py (no como flask.py: taparía el paquete flask) y ejecuta:
#   pip install 'flask>=3.1.3'  →  flask --app app run  →  abre http://127.0.0.1:5000/
from flask import Flask, session

app = Flask(__name__)
# Solo para el laboratorio: la misma clave que usa el simulador, para que las cookies coincidan.
app.secret_key = 'tu_clave_secreta_aqui'


@app.route('/')
def index():
    # Cada navegador lleva su propio contador dentro de su cookie: el servidor no guarda nada.
    visitas = session.get('visitas', 0) + 1
    session['visitas'] = visitas  # reasignar (no solo leer) hace que Flask vuelva a firmar la cookie
    return f'Visitas: {visitas}'


@app.route('/reiniciar')
def reiniciar():
    session.pop('visitas', None)  # si la sesión queda vacía, Flask envía una cookie de borrado
    return 'Contador reiniciado.'
