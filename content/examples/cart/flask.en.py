# Flask 3.1 · exercise: the cart that "loses" products.
# Save it as app.py (not flask.py: that would shadow the flask package) and run:
#   pip install 'flask>=3.1.3'  →  flask --app app run  →  open http://127.0.0.1:5000/agregar/pizza
from flask import Flask, session

app = Flask(__name__)
# Lab only: the same key the simulator uses, so the cookies match byte for byte.
app.secret_key = 'tu_clave_secreta_aqui'


# Adds a product to the cart. (GET so it is easy to try; a real shop would use POST.)
# Add two products in a row and look at the cart: where did the second one go?
@app.route('/agregar/<producto>')
def agregar(producto):
    if 'carrito' not in session:
        session['carrito'] = []  # top-level assignment: the session is now modified
    session['carrito'].append(producto)  # a change INSIDE the list: Flask does not notice
    return {'carrito': session['carrito']}  # a dict is returned as JSON


@app.route('/carrito')
def carrito():
    return {'carrito': session.get('carrito', [])}


@app.route('/vaciar')
def vaciar():
    session.pop('carrito', None)
    return {'carrito': []}
