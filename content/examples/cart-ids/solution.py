# Flask 3.1 · solución del ejercicio: en la sesión, solo los ids; los datos, en el servidor.
# Guárdalo como app.py (no como flask.py: taparía el paquete flask) y ejecuta:
#   pip install 'flask>=3.1.3'  →  flask --app app run  →  abre http://127.0.0.1:5000/agregar/p1
from flask import Flask, session

app = Flask(__name__)
# Solo para el laboratorio: la misma clave que usa el simulador, para que las cookies coincidan.
app.secret_key = 'tu_clave_secreta_aqui'

# El catálogo vive en el servidor (en una app real, en la base de datos).
CATALOGO = {
    'p1': {'nombre': 'Taza', 'precio': 12, 'descripcion': 'Taza de cerámica de 350 ml, apta para lavavajillas.'},
    'p2': {'nombre': 'Camiseta', 'precio': 23, 'descripcion': 'Camiseta de algodón orgánico con el logo del laboratorio.'},
    'p3': {'nombre': 'Libreta', 'precio': 8, 'descripcion': 'Libreta A5 de 96 hojas con puntos.'},
}


# (Con GET para probarlo fácil; una tienda real usaría POST.)
@app.route('/agregar/<id>')
def agregar(id):
    producto = CATALOGO.get(id)
    if producto is None:
        return 'Producto desconocido.', 404
    # Solo el id: la cookie viaja en cada petición, tiene 4 KB y cualquiera puede leerla.
    session['carrito'] = session.get('carrito', []) + [id]
    return f'Añadido: {producto["nombre"]}.'


@app.route('/carrito')
def carrito():
    ids = session.get('carrito', [])
    if not ids:
        return 'Tu carrito está vacío.'
    # Nombre y precio salen del catálogo en cada petición: siempre los actuales.
    productos = [CATALOGO[id] for id in ids]
    nombres = ', '.join(p['nombre'] for p in productos)
    total = sum(p['precio'] for p in productos)
    return f'Carrito: {nombres}. Total: {total} €.'
