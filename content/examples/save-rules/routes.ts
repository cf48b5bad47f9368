import { Router } from 'itty-router'
import { withSession, saveSession, flaskResponse, type SessionRequest } from 'session-lab'

const router = Router<SessionRequest>({
  before: [withSession],                 // open_session(): lee la cookie y crea `session`
  finally: [flaskResponse, saveSession], // make_response() + save_session(): escribe Set-Cookie
})

// Como markupsafe.escape en Flask, con las mismas entidades: el texto viene del usuario y no
// debe convertirse en HTML.
const ENTIDADES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&#34;', "'": '&#39;' }
const escape = (text: unknown) => String(text).replace(/[&<>"']/g, (c) => ENTIDADES[c])

// Las comprobaciones de abajo son las pruebas de esta app: cada una fija una regla de guardado.
router.post('/login', async (request) => {
  const form = await request.formData()
  request.session['username'] = String(form.get('username') ?? '')
  return 'Has iniciado sesión.'
})

router.get('/perfil', ({ session }) => {
  // TODO 1: una lectura no debe reenviar la cookie. Esta línea «por si acaso» lo hace.
  session.modified = true
  if ('username' in session) return `Bienvenido, ${escape(session['username'])}!`
  return 'No has iniciado sesión.'
})

router.get('/tema/:nombre', ({ session, params }) => {
  const prefs = session.setdefault('prefs', {})
  prefs['tema'] = params.nombre
  // TODO 2: el cambio es DENTRO de un dict de la sesión: Flask no lo detecta y, desde la segunda
  //         vez, no envía Set-Cookie. Avísale.
  return `Tema: ${escape(params.nombre)}.`
})

export default router
