import { Router } from 'itty-router'
import { withSession, saveSession, flaskResponse, type SessionRequest } from 'session-lab'

const router = Router<SessionRequest>({
  before: [withSession],                 // open_session(): reads the cookie and builds `session`
  finally: [flaskResponse, saveSession], // make_response() + save_session(): writes Set-Cookie
})

// Counting visits for statistics is not strictly necessary to provide the service: the law
// (ePrivacy art. 5(3); in Spain, LSSI art. 22.2) requires prior consent to store it.
router.get('/', ({ session }) => {
  // TODO: count the visit only if session['consentimiento'] is 'si'; otherwise answer
  //       'No statistics.' without touching the session (so no cookie is created).
  session['visitas'] = session.get('visitas', 0) + 1
  return `Visits: ${session['visitas']}`
})

// Remembering the choice, whatever it is, is necessary: otherwise the site would have to ask again.
router.post('/consentimiento', async (request) => {
  const form = await request.formData()
  const acepta = form.get('acepta') === 'si' ? 'si' : 'no'
  request.session['consentimiento'] = acepta
  // TODO: withdrawing consent must be as easy as giving it: if it is 'no', also delete what was
  //       already counted (session.pop('visitas', null)).
  return 'Preference saved.'
})

export default router
