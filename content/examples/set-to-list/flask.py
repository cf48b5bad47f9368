# Flask 3.1 · ejercicio: lo que el JSON de la sesión no puede guardar.
# Guárdalo como app.py (no como flask.py: taparía el paquete flask) y ejecuta:
#   pip install 'flask>=3.1.3'  →  flask --app app run  →  abre http://127.0.0.1:5000/ver/inicio
from flask import Flask, session

app = Flask(__name__)
# Solo para el laboratorio: la misma clave que usa el simulador, para que las cookies coincidan.
app.secret_key = 'tu_clave_secreta_aqui'


# Recuerda qué páginas distintas ha visto cada visitante.
@app.route('/ver/<pagina>')
def ver(pagina):
    # TODO: un set no tiene representación en el JSON de Flask: al guardar la sesión,
    #       Flask lanza TypeError y la respuesta es un 500. Guarda una lista sin repetidos.
    vistas = set(session.get('vistas', []))
    vistas.add(pagina)
    session['vistas'] = vistas
    return f'Páginas distintas vistas: {len(vistas)}'
