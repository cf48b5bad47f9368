# Flask 3.1 · mensajes de un solo uso guardados en la sesión.
# Guárdalo como app.py (no como flask.py: taparía el paquete flask) y ejecuta:
#   pip install 'flask>=3.1.3'  →  flask --app app run  →  abre http://127.0.0.1:5000/guardar
#
# Flask ya trae esto hecho: flash('Cambios guardados.') y get_flashed_messages() guardan
# la lista en session['_flashes']. Aquí se escribe a mano para ver qué pasa con la cookie.
from flask import Flask, session
from markupsafe import escape

app = Flask(__name__)
# Solo para el laboratorio: la misma clave que usa el simulador, para que las cookies coincidan.
app.secret_key = 'tu_clave_secreta_aqui'


def avisar(mensaje):
    # Se asigna una lista nueva (no append) para que la sesión quede marcada como modificada.
    session['mensajes'] = session.get('mensajes', []) + [mensaje]


@app.route('/')
def index():
    # Muestra los mensajes pendientes y los quita de la sesión: solo se ven una vez.
    mensajes = session.pop('mensajes', [])
    if not mensajes:
        return '<p>No hay mensajes.</p>'
    return '<ul>' + ''.join(f'<li>{escape(m)}</li>' for m in mensajes) + '</ul>'


@app.route('/guardar')
def guardar():
    avisar('Cambios guardados.')
    return 'Hecho. Vuelve a / para ver el aviso.'


@app.route('/borrar')
def borrar():
    avisar('Elemento borrado.')
    return 'Hecho. Vuelve a / para ver el aviso.'
