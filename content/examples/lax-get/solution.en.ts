import { Router } from 'itty-router'
import { withSession, saveSession, flaskResponse, type SessionRequest } from 'session-lab'

const router = Router<SessionRequest>({
  before: [withSession],                 // open_session(): reads the cookie and builds `session`
  finally: [flaskResponse, saveSession], // make_response() + save_session(): writes Set-Cookie
})

// Like markupsafe.escape in Flask, with the same entities: the user typed the text and it must
// not become HTML.
const ENTIDADES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&#34;', "'": '&#39;' }
const escape = (text: unknown) => String(text).replace(/[&<>"']/g, (c) => ENTIDADES[c])

// This exercise uses SESSION_COOKIE_SAMESITE = 'Lax': the cookie does not go with POST forms or
// images from other sites, but it DOES go with a link (GET) that leads here.
router.post('/favoritos', async (request) => {
  const form = await request.formData()
  const item = String(form.get('item') ?? '')
  request.session['favoritos'] = [...request.session.get('favoritos', []), item]
  return `Saved: ${escape(item)}.`
})

router.get('/favoritos', ({ session }) => {
  const favoritos: string[] = session.get('favoritos', [])
  if (favoritos.length === 0) return 'You have no favourites.'
  return `Favourites: ${favoritos.map(escape).join(', ')}.`
})

// A link from another site arrives with the cookie (Lax), so GET only asks; POST deletes, and
// from another site it arrives without the cookie.
router.get('/favoritos/borrar', () => `
  <form method="post" action="/favoritos/borrar">
    <button>Delete my favourites</button>
  </form>`)

router.post('/favoritos/borrar', ({ session }) => {
  session.pop('favoritos', null)
  return 'Favourites deleted.'
})

export default router
