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

router.get('/perfil', ({ session }) => {
  if ('username' in session) {
    return `Bienvenido, ${escape(session['username'])}!`
  }
  return 'No has iniciado sesión.'
})

router.get('/logout', ({ session }) => {
  // Una sesión vacía no cabe en ninguna cookie: Flask responde con Set-Cookie vacía y Expires en el
  // pasado, y el navegador borra la suya.
  session.clear()
  return 'Has cerrado sesión.'
})

export default router
