import { Router } from 'itty-router'
import { withSession, saveSession, flaskResponse, type SessionRequest } from 'session-lab'

const router = Router<SessionRequest>({
  before: [withSession],                 // open_session(): reads the cookie and builds `session`
  finally: [flaskResponse, saveSession], // make_response() + save_session(): writes Set-Cookie
})

// Like markupsafe.escape in Flask, with the same entities: the user typed the name and it must
// not become HTML.
const ENTIDADES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&#34;', "'": '&#39;' }
const escape = (text: unknown) => String(text).replace(/[&<>"']/g, (c) => ENTIDADES[c])

// A toy form: it checks no password, carries no CSRF token and does not redirect after the POST.
// The form posts back to the same path.
router.get('/login', () => `
  <form method="post" action="/login">
    <label>Username <input name="username" autocomplete="username"></label>
    <button>Log in</button>
  </form>`)

router.post('/login', async (request) => {
  const form = await request.formData()
  const username = String(form.get('username') ?? '').trim()
  if (!username) {
    return ['Please type a username.', 400]  // the session is untouched: no Set-Cookie
  }
  request.session['username'] = username  // a top-level assignment marks the session as modified
  return `Hi, ${escape(username)}. You can go to /perfil now.`
})

router.get('/perfil', ({ session }) => {
  if ('username' in session) {
    return `Welcome, ${escape(session['username'])}!`
  }
  return 'You are not logged in.'
})

// clear() empties the whole session: Flask answers with a deletion cookie.
router.get('/logout', ({ session }) => {
  session.clear()
  return 'You have logged out.'
})

export default router
