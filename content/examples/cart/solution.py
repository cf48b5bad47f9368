# Flask 3.1 · solución del ejercicio: el carrito que "pierde" productos.
# Guárdalo como app.py (no como flask.py: taparía el paquete flask) y ejecuta:
#   pip install 'flask>=3.1.3'  →  flask --app app run  →  abre http://127.0.0.1:5000/agregar/pizza
from flask import Flask, session

app = Flask(__name__)
# Solo para el laboratorio: la misma clave que usa el simulador, para que las cookies coincidan.
app.secret_key = 'tu_clave_secreta_aqui'


# Añade un producto al carrito. (Con GET para probarlo fácil; una tienda real usaría POST.)
@app.route('/agregar/<producto>')
def agregar(producto):
    # Arreglo 1: construir una lista nueva y asignarla. La asignación marca la sesión como modificada.
    session['carrito'] = session.get('carrito', []) + [producto]
    # Arreglo 2 (equivalente): session.setdefault('carrito', []).append(producto)
    #                          session.modified = True
    return {'carrito': session['carrito']}  # un dict se devuelve como JSON


@app.route('/carrito')
def carrito():
    return {'carrito': session.get('carrito', [])}


@app.route('/vaciar')
def vaciar():
    session.pop('carrito', None)
    return {'carrito': []}
