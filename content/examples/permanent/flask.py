# Flask 3.1 · "recuérdame": sesiones permanentes y su caducidad.
# Guárdalo como app.py (no como flask.py: taparía el paquete flask) y ejecuta:
#   pip install 'flask>=3.1.3'  →  flask --app app run  →  abre http://127.0.0.1:5000/recordarme
from datetime import timedelta

from flask import Flask, session

app = Flask(__name__)
# Solo para el laboratorio: la misma clave que usa el simulador, para que las cookies coincidan.
app.secret_key = 'tu_clave_secreta_aqui'
# 1 hora en vez de los 31 días por defecto, para verlo caducar con el reloj del laboratorio.
# Ojo: también es la edad máxima de la firma de CUALQUIER cookie de sesión, permanente o no.
app.config['PERMANENT_SESSION_LIFETIME'] = timedelta(hours=1)


@app.route('/login')
def login():
    # Sesión normal: la cookie no lleva Expires y el navegador la borra al cerrarse.
    session['username'] = 'ejemplo_usuario'
    return 'Sesión iniciada (hasta que cierres el navegador).'


@app.route('/recordarme')
def recordarme():
    # "Recuérdame": Expires = ahora + PERMANENT_SESSION_LIFETIME.
    session['username'] = 'ejemplo_usuario'
    session.permanent = True
    return 'Sesión iniciada: te recordaremos durante 1 hora.'


@app.route('/perfil')
def perfil():
    # Solo lee. Aun así, una sesión permanente se vuelve a firmar en cada petición
    # (SESSION_REFRESH_EACH_REQUEST) y su Expires se desplaza.
    if 'username' in session:
        return f'Bienvenido, {session["username"]}!'
    return 'No has iniciado sesión.'


@app.route('/logout')
def logout():
    session.clear()
    return 'Has cerrado sesión.'
