import { Router } from 'itty-router'
import { withSession, saveSession, flaskResponse, type SessionRequest } from 'session-lab'

const router = Router<SessionRequest>({
  before: [withSession],                 // open_session(): reads the cookie and builds `session`
  finally: [flaskResponse, saveSession], // make_response() + save_session(): writes Set-Cookie
})

// Each browser carries its own counter inside its cookie: the server stores nothing.
router.get('/', ({ session }) => {
  const visitas = session.get('visitas', 0) + 1
  session['visitas'] = visitas  // assigning (not just reading) makes Flask sign a new cookie
  return `Visits: ${visitas}`
})

// Reset the counter by removing the key.
router.get('/reiniciar', ({ session }) => {
  session.pop('visitas', null)  // if the session ends up empty, Flask sends a deletion cookie
  return 'Counter reset.'
})

export default router
