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

router.get('/perfil', ({ session }) => {
  if ('username' in session) {
    return `Welcome, ${escape(session['username'])}!`
  }
  return 'You are not logged in.'
})

router.get('/logout', ({ session }) => {
  // TODO: this leaves the cookie in the browser, with username = null inside.
  //       Make Flask send a deletion cookie (Expires in the past).
  session['username'] = null
  return 'You are logged out.'
})

export default router
