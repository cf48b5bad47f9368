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

// In this exercise PERMANENT_SESSION_LIFETIME is 3600 s (one hour).
router.get('/login', () => `
  <form method="post" action="/login">
    <label>Username <input name="username"></label>
    <label><input type="checkbox" name="recordar" value="si"> Remember me</label>
    <button>Log in</button>
  </form>`)

router.post('/login', async (request) => {
  const form = await request.formData()
  request.session['username'] = String(form.get('username') ?? '')
  // TODO: if the box came ticked (recordar=si), make the session permanent.
  return 'You are logged in.'
})

router.get('/perfil', ({ session }) => {
  if ('username' in session) {
    return `Welcome, ${escape(session['username'])}!`
  }
  return 'You are not logged in.'
})

export default router
