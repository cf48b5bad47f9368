import { Router } from 'itty-router'
import { withSession, saveSession, flaskResponse, type SessionRequest } from 'session-lab'

const router = Router<SessionRequest>({
  before: [withSession],                 // open_session(): reads the cookie and builds `session`
  finally: [flaskResponse, saveSession], // make_response() + save_session(): writes Set-Cookie
})

// Each browser carries its own counter inside its cookie: the server stores nothing.
router.get('/', ({ session }) => {
  const visitas = session.get('visitas', 0)
  // TODO: add 1 and store the result in session['visitas'].
  return `Visits: ${visitas}`
})

// Reset the counter by removing the key.
router.get('/reiniciar', ({ session }) => {
  // TODO: remove 'visitas' from the session.
  return 'Counter reset.'
})

export default router
