import { Router } from 'itty-router'
import { withSession, saveSession, flaskResponse, type SessionRequest, type FlaskEnv } from 'session-lab'

// Like markupsafe.escape in Flask, with the same entities: the user typed the name and it must
// not become HTML.
const ENTIDADES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&#34;', "'": '&#39;' }
const escape = (text: unknown) => String(text).replace(/[&<>"']/g, (c) => ENTIDADES[c])

const DOS_HORAS = 2 * 60 * 60

// Each user's session version. A signed cookie cannot be cancelled from the server: raising this
// number makes every cookie that carries the old one stop working.
// (In a real app, a column of the users table; here, the server's memory.)
const versiones = new Map<string, number>()

// Like @app.before_request: runs with the session already open, before every route.
function comprobarSesion(request: SessionRequest, env: FlaskEnv) {
  if (!('username' in request.session)) return
  const { session } = request
  // Absolute timeout: counted from the login, even if the person keeps using the app.
  const caducada = env.now - session['inicio'] > DOS_HORAS
  const revocada = session['version'] !== (versiones.get(session['username']) ?? 0)
  if (caducada || revocada) session.clear()  // empty session: Flask sends a deletion cookie
}

const router = Router<SessionRequest>({
  before: [withSession, comprobarSesion], // open_session(), then the before_request
  finally: [flaskResponse, saveSession],  // make_response() + save_session(): writes Set-Cookie
})

// A toy form: no password and no CSRF token, to keep the focus on the session.
router.post('/login', async (request, env: FlaskEnv) => {
  const form = await request.formData()
  const username = String(form.get('username') ?? '')
  // Nothing from before the login survives: neither someone else's data nor an attacker's.
  request.session.clear()
  request.session['username'] = username
  request.session['inicio'] = Math.floor(env.now)
  request.session['version'] = versiones.get(username) ?? 0
  return `Hello, ${escape(username)}.`
})

router.get('/perfil', ({ session }) => {
  if ('username' in session) return `Welcome, ${escape(session['username'])}!`
  return 'You are not logged in.'
})

// (GET so it is easy to try; a real shop would use POST.)
router.get('/agregar/:producto', ({ session, params }) => {
  session['carrito'] = [...session.get('carrito', []), params.producto]
  return `Added: ${escape(params.producto)}.`
})

router.get('/carrito', ({ session }) => {
  const carrito: string[] = session.get('carrito', [])
  if (carrito.length === 0) return 'Your cart is empty.'
  return `Cart: ${carrito.map(escape).join(', ')}.`
})

// "Log out everywhere": on the phone too, on a friend's computer…
router.post('/salir-de-todo', ({ session }) => {
  // Emptying this session does not cancel the other cookies, still validly signed: a new version does.
  if ('username' in session) {
    const username = session['username']
    versiones.set(username, (versiones.get(username) ?? 0) + 1)
  }
  session.clear()
  return 'You are logged out on all your devices.'
})

export default router
