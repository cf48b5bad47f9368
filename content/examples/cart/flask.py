# Flask 3.1 · ejercicio: el carrito que "pierde" productos.
# Guárdalo como app.py (no como flask.py: taparía el paquete flask) y ejecuta:
#   pip install 'flask>=3.1.3'  →  flask --app app run  →  abre http://127.0.0.1:5000/agregar/pizza
from flask import Flask, session

app = Flask(__name__)
# Solo para el laboratorio: la misma clave que usa el simulador, para que las cookies coincidan.
app.secret_key = 'tu_clave_secreta_aqui'


# Añade un producto al carrito. (Con GET para probarlo fácil; una tienda real usaría POST.)
# Prueba a añadir dos productos seguidos y mira el carrito: ¿dónde está el segundo?
@app.route('/agregar/<producto>')
def agregar(producto):
    if 'carrito' not in session:
        session['carrito'] = []  # asignación de primer nivel: la sesión queda modificada
    session['carrito'].append(producto)  # cambio DENTRO de la lista: Flask no lo detecta
    return {'carrito': session['carrito']}  # un dict se devuelve como JSON


@app.route('/carrito')
def carrito():
    return {'carrito': session.get('carrito', [])}


@app.route('/vaciar')
def vaciar():
    session.pop('carrito', None)
    return {'carrito': []}
