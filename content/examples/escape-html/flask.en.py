# Flask 3.1 · exercise: escape what the user types (XSS).
# Save it as app.py (not flask.py: that would shadow the flask package) and run:
#   pip install 'flask>=3.1.3'  →  flask --app app run  →  open http://127.0.0.1:5000/buscar?q=hello
# Jinja templates escape on their own; an f-string you return as it is does not.
from flask import Flask, request, session

app = Flask(__name__)
# Lab only: the same key the simulator uses, so the cookies match byte for byte.
app.secret_key = 'tu_clave_secreta_aqui'

# TODO: import escape from markupsafe and use it wherever text from the user goes into the
#       HTML.


@app.post('/login')
def login():
    session['username'] = request.form.get('username', '')
    return 'You are logged in. Go to /perfil.'


# If the name is <script>…</script>, the browser would run it on this page, with access to
# everything the page sees (document.cookie included, except HttpOnly cookies).
@app.route('/perfil')
def perfil():
    if 'username' in session:
        return f'<h1>Welcome, {session["username"]}!</h1>'
    return 'You are not logged in.'


# The same goes for what arrives in the URL: anyone can send you a crafted link.
@app.route('/buscar')
def buscar():
    q = request.args.get('q', '')
    return f'<p>Results for: {q}</p>'
