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

// Un formulario de juguete: no comprueba contraseña, no lleva token CSRF y no redirige tras el POST.
// El formulario se envía con POST a la misma ruta.
router.get('/login', () => `
  <form method="post" action="/login">
    <label>Usuario <input name="username" autocomplete="username"></label>
    <button>Entrar</button>
  </form>`)

router.post('/login', async (request) => {
  const form = await request.formData()
  const username = String(form.get('username') ?? '').trim()
  // TODO 1: si `username` está vacío, responde ['Escribe un nombre de usuario.', 400]
  //         y no guardes nada en la sesión.
  // TODO 2: guarda `username` en la sesión con la clave 'username'.
  return `Hola, ${escape(username)}. Ya puedes ir a /perfil.`
})

router.get('/perfil', ({ session }) => {
  if ('username' in session) {
    return `Bienvenido, ${escape(session['username'])}!`
  }
  return 'No has iniciado sesión.'
})

// clear() vacía toda la sesión: Flask responde con una cookie de borrado.
router.get('/logout', ({ session }) => {
  session.clear()
  return 'Has cerrado sesión.'
})

export default router
