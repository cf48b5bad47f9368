# Flask 3.1 · one-time messages stored in the session.
# Save it as app.py (not flask.py: that would shadow the flask package) and run:
#   pip install 'flask>=3.1.3'  →  flask --app app run  →  open http://127.0.0.1:5000/guardar
#
# Flask has this built in: flash('Changes saved.') and get_flashed_messages() keep the
# list in session['_flashes']. It is written by hand here so you can see what the cookie does.
from flask import Flask, session
from markupsafe import escape

app = Flask(__name__)
# Lab only: the same key the simulator uses, so the cookies match byte for byte.
app.secret_key = 'tu_clave_secreta_aqui'


def notify(message):
    # Assign a new list (no append) so the session is marked as modified.
    session['mensajes'] = session.get('mensajes', []) + [message]


@app.route('/')
def index():
    # Shows the pending messages and removes them from the session: each is seen only once.
    messages = session.pop('mensajes', [])
    if not messages:
        return '<p>No messages.</p>'
    return '<ul>' + ''.join(f'<li>{escape(m)}</li>' for m in messages) + '</ul>'


@app.route('/guardar')
def guardar():
    notify('Changes saved.')
    return 'Done. Go back to / to see the notice.'


@app.route('/borrar')
def borrar():
    notify('Item deleted.')
    return 'Done. Go back to / to see the notice.'
