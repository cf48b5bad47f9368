import { Router } from 'itty-router'
import { withSession, saveSession, flaskResponse, type SessionRequest } from 'session-lab'

const router = Router<SessionRequest>({
  before: [withSession],                 // open_session(): lee la cookie y crea `session`
  finally: [flaskResponse, saveSession], // make_response() + save_session(): escribe Set-Cookie
})

// Como markupsafe.escape en Flask, con las mismas entidades: el texto lo escribe el usuario y no
// debe convertirse en HTML.
const ENTIDADES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&#34;', "'": '&#39;' }
const escape = (text: unknown) => String(text).replace(/[&<>"']/g, (c) => ENTIDADES[c])

// Este ejercicio usa SESSION_COOKIE_SAMESITE = 'Lax': la cookie no acompaña a los formularios
// POST ni a las imágenes de otros sitios, pero SÍ a un enlace (GET) que lleva hasta aquí.
router.post('/favoritos', async (request) => {
  const form = await request.formData()
  const item = String(form.get('item') ?? '')
  request.session['favoritos'] = [...request.session.get('favoritos', []), item]
  return `Guardado: ${escape(item)}.`
})

router.get('/favoritos', ({ session }) => {
  const favoritos: string[] = session.get('favoritos', [])
  if (favoritos.length === 0) return 'No tienes favoritos.'
  return `Favoritos: ${favoritos.map(escape).join(', ')}.`
})

// Un enlace desde otro sitio llega con la cookie (Lax), así que GET solo pregunta; borra POST,
// que desde otro sitio llega sin cookie.
router.get('/favoritos/borrar', () => `
  <form method="post" action="/favoritos/borrar">
    <button>Borrar mis favoritos</button>
  </form>`)

router.post('/favoritos/borrar', ({ session }) => {
  session.pop('favoritos', null)
  return 'Favoritos borrados.'
})

export default router
