import { Router } from 'itty-router'
import { withSession, saveSession, flaskResponse, type SessionRequest } from 'session-lab'

const router = Router<SessionRequest>({
  before: [withSession],                 // open_session(): reads the cookie and builds `session`
  finally: [flaskResponse, saveSession], // make_response() + save_session(): writes Set-Cookie
})

// Like markupsafe.escape in Flask, with the same entities: the text comes from the user and must
// not become HTML.
const ENTIDADES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&#34;', "'": '&#39;' }
const escape = (text: unknown) => String(text).replace(/[&<>"']/g, (c) => ENTIDADES[c])

// The checks below are this app's tests: each one pins down a rule about saving.
router.post('/login', async (request) => {
  const form = await request.formData()
  request.session['username'] = String(form.get('username') ?? '')
  return 'You are logged in.'
})

router.get('/perfil', ({ session }) => {
  // TODO 1: a read must not send the cookie again. This "just in case" line does.
  session.modified = true
  if ('username' in session) return `Welcome, ${escape(session['username'])}!`
  return 'You are not logged in.'
})

router.get('/tema/:nombre', ({ session, params }) => {
  const prefs = session.setdefault('prefs', {})
  prefs['tema'] = params.nombre
  // TODO 2: the change is INSIDE a dict in the session: Flask does not notice it and, from the
  //         second time on, sends no Set-Cookie. Tell it.
  return `Theme: ${escape(params.nombre)}.`
})

export default router
