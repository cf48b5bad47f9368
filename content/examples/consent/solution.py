# Flask 3.1 · solución del ejercicio: sin consentimiento, ninguna cookie de estadísticas.
# Guárdalo como app.py (no como flask.py: taparía el paquete flask) y ejecuta:
#   pip install 'flask>=3.1.3'  →  flask --app app run  →  abre http://127.0.0.1:5000/
from flask import Flask, request, session

app = Flask(__name__)
# Solo para el laboratorio: la misma clave que usa el simulador, para que las cookies coincidan.
app.secret_key = 'tu_clave_secreta_aqui'


# Contar visitas para estadísticas no es estrictamente necesario para dar el servicio: la ley
# (ePrivacy art. 5.3; en España, LSSI art. 22.2) exige consentimiento previo para guardarlo.
@app.route('/')
def index():
    # Sin un «sí», la sesión no cambia y Flask no envía ninguna cookie.
    if session.get('consentimiento') != 'si':
        return 'Sin estadísticas.'
    session['visitas'] = session.get('visitas', 0) + 1
    return f'Visitas: {session["visitas"]}'


# Recordar la decisión, sea cual sea, sí es necesario: si no, habría que preguntar siempre.
@app.post('/consentimiento')
def consentimiento():
    acepta = 'si' if request.form.get('acepta') == 'si' else 'no'
    session['consentimiento'] = acepta
    # Retirar el consentimiento es tan fácil como darlo, y borra lo ya contado.
    if acepta == 'no':
        session.pop('visitas', None)
    return 'Preferencia guardada.'
