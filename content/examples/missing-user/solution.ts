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

router.post('/login', async (request) => {
  const form = await request.formData()
  request.session['username'] = String(form.get('username') ?? '')
  return 'Has iniciado sesión.'
})

// Si la clave cambia, la firma de las cookies viejas ya no vale y Flask abre una sesión vacía.
// Por eso se pregunta antes de leer (en Python, session['username'] lanzaría KeyError: un 500).
router.get('/perfil', ({ session }) => {
  if ('username' in session) {
    return `Bienvenido, ${escape(session['username'])}!`
  }
  return 'No has iniciado sesión.'
})

// Con un valor por defecto, pop no falla cuando la clave no está.
router.get('/logout', ({ session }) => {
  session.pop('username', null)
  return 'Has cerrado sesión.'
})

export default router
