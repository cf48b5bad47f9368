import { Router } from 'itty-router'
import { withSession, saveSession, flaskResponse, type SessionRequest } from 'session-lab'

const router = Router<SessionRequest>({
  before: [withSession],                 // open_session(): lee la cookie y crea `session`
  finally: [flaskResponse, saveSession], // make_response() + save_session(): escribe Set-Cookie
})

// Como markupsafe.escape en Flask, con las mismas entidades: el nombre lo escribe el usuario y no
// debe convertirse en HTML.
const ENTIDADES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&#34;', "'": '&#39;' }
const escape = (text: unknown) => String(text).replace(/[&<>"']/g, (c) => ENTIDADES[c])

// En este ejercicio PERMANENT_SESSION_LIFETIME es 3600 s (una hora).
router.get('/login', () => `
  <form method="post" action="/login">
    <label>Usuario <input name="username"></label>
    <label><input type="checkbox" name="recordar" value="si"> Recuérdame</label>
    <button>Entrar</button>
  </form>`)

router.post('/login', async (request) => {
  const form = await request.formData()
  request.session['username'] = String(form.get('username') ?? '')
  // Permanente: la cookie lleva Expires (dentro de una hora) y se renueva en cada petición.
  request.session.permanent = form.get('recordar') === 'si'
  return 'Has iniciado sesión.'
})

router.get('/perfil', ({ session }) => {
  if ('username' in session) {
    return `Bienvenido, ${escape(session['username'])}!`
  }
  return 'No has iniciado sesión.'
})

export default router
