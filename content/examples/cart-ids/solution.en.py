# Flask 3.1 · the exercise's solution: only ids in the session; the data stays on the server.
# Save it as app.py (not flask.py: that would shadow the flask package) and run:
#   pip install 'flask>=3.1.3'  →  flask --app app run  →  open http://127.0.0.1:5000/agregar/p1
from flask import Flask, session

app = Flask(__name__)
# Lab only: the same key the simulator uses, so the cookies match byte for byte.
app.secret_key = 'tu_clave_secreta_aqui'

# The catalogue lives on the server (in a real app, in the database).
CATALOGO = {
    'p1': {'nombre': 'Mug', 'precio': 12, 'descripcion': '350 ml ceramic mug, dishwasher safe.'},
    'p2': {'nombre': 'T-shirt', 'precio': 23, 'descripcion': 'Organic cotton T-shirt with the lab logo.'},
    'p3': {'nombre': 'Notebook', 'precio': 8, 'descripcion': 'A5 dotted notebook, 96 sheets.'},
}


# (GET so it is easy to try; a real shop would use POST.)
@app.route('/agregar/<id>')
def agregar(id):
    producto = CATALOGO.get(id)
    if producto is None:
        return 'Unknown product.', 404
    # Only the id: the cookie travels with every request, holds 4 KB and anyone can read it.
    session['carrito'] = session.get('carrito', []) + [id]
    return f'Added: {producto["nombre"]}.'


@app.route('/carrito')
def carrito():
    ids = session.get('carrito', [])
    if not ids:
        return 'Your cart is empty.'
    # Name and price come from the catalogue on every request: always the current ones.
    productos = [CATALOGO[id] for id in ids]
    nombres = ', '.join(p['nombre'] for p in productos)
    total = sum(p['precio'] for p in productos)
    return f'Cart: {nombres}. Total: €{total}.'
