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

router.post('/login', async (request) => {
  const form = await request.formData()
  request.session['username'] = String(form.get('username') ?? '')
  return 'You are logged in.'
})

// When the key changes, old cookies' signatures no longer verify and Flask opens an empty session.
// TODO: without 'username', answer 'You are not logged in.' (in Python, session['username']
//       would raise KeyError and the visitor would see a 500 error).
router.get('/perfil', ({ session }) => {
  return `Welcome, ${escape(session['username'])}!`
})

// TODO: pop without a default raises KeyError when the key is missing, as in Python.
router.get('/logout', ({ session }) => {
  session.pop('username')
  return 'You are logged out.'
})

export default router
