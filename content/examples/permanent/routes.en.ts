import { Router } from 'itty-router'
import { withSession, saveSession, flaskResponse, type SessionRequest } from 'session-lab'

const router = Router<SessionRequest>({
  before: [withSession],                 // open_session(): reads the cookie and builds `session`
  finally: [flaskResponse, saveSession], // make_response() + save_session(): writes Set-Cookie
})

// Ordinary session: the cookie has no Expires and the browser drops it when it closes.
router.get('/login', ({ session }) => {
  session['username'] = 'ejemplo_usuario'
  return 'Logged in (until you close the browser).'
})

// "Remember me": session.permanent = true adds Expires = now + PERMANENT_SESSION_LIFETIME.
router.get('/recordarme', ({ session }) => {
  session['username'] = 'ejemplo_usuario'
  session.permanent = true
  return 'Logged in: we will remember you for 1 hour.'
})

// Only reads. Even so, a permanent session is signed again on every request
// (SESSION_REFRESH_EACH_REQUEST) and its Expires moves forward.
router.get('/perfil', ({ session }) => {
  if ('username' in session) {
    return `Welcome, ${session['username']}!`
  }
  return 'You are not logged in.'
})

router.get('/logout', ({ session }) => {
  session.clear()
  return 'You have logged out.'
})

export default router
