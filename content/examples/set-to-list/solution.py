# Flask 3.1 · solución del ejercicio: lo que el JSON de la sesión no puede guardar.
# Guárdalo como app.py (no como flask.py: taparía el paquete flask) y ejecuta:
#   pip install 'flask>=3.1.3'  →  flask --app app run  →  abre http://127.0.0.1:5000/ver/inicio
from flask import Flask, session

app = Flask(__name__)
# Solo para el laboratorio: la misma clave que usa el simulador, para que las cookies coincidan.
app.secret_key = 'tu_clave_secreta_aqui'


# Recuerda qué páginas distintas ha visto cada visitante.
@app.route('/ver/<pagina>')
def ver(pagina):
    # El JSON de Flask no tiene set: una lista sin repetidos, asignada de nuevo.
    vistas = session.get('vistas', [])
    if pagina not in vistas:
        session['vistas'] = vistas + [pagina]
    return f'Páginas distintas vistas: {len(session["vistas"])}'
