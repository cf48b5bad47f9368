import { Router } from 'itty-router'
import { withSession, saveSession, flaskResponse, type SessionRequest } from 'session-lab'

const router = Router<SessionRequest>({
  before: [withSession],                 // open_session(): reads the cookie and builds `session`
  finally: [flaskResponse, saveSession], // make_response() + save_session(): writes Set-Cookie
})

// Counting visits for statistics is not strictly necessary to provide the service: the law
// (ePrivacy art. 5(3); in Spain, LSSI art. 22.2) requires prior consent to store it.
router.get('/', ({ session }) => {
  // Without a "yes", the session does not change and Flask sends no cookie.
  if (session.get('consentimiento') !== 'si') return 'No statistics.'
  session['visitas'] = session.get('visitas', 0) + 1
  return `Visits: ${session['visitas']}`
})

// Remembering the choice, whatever it is, is necessary: otherwise the site would have to ask again.
router.post('/consentimiento', async (request) => {
  const form = await request.formData()
  const acepta = form.get('acepta') === 'si' ? 'si' : 'no'
  request.session['consentimiento'] = acepta
  // Withdrawing consent is as easy as giving it, and deletes what was already counted.
  if (acepta === 'no') request.session.pop('visitas', null)
  return 'Preference saved.'
})

export default router
