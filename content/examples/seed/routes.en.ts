import { Router } from 'itty-router'
import { withSession, saveSession, flaskResponse, type SessionRequest } from 'session-lab'

const router = Router<SessionRequest>({
  before: [withSession],                 // open_session(): reads the cookie and builds `session`
  finally: [flaskResponse, saveSession], // make_response() + save_session(): writes Set-Cookie
})

// Store: assigning a key marks the session as modified, so the response carries Set-Cookie.
router.get('/', ({ session }) => {
  session['username'] = 'ejemplo_usuario'  // same data as the Spanish course
  return 'Data stored in the session.'
})

// Read: the session arrives in the cookie the browser sends; reading alone sends nothing back.
router.get('/perfil', ({ session }) => {
  if ('username' in session) {
    return `Welcome, ${session['username']}!`
  }
  return 'You are not logged in.'
})

// Delete: pop() with a default does not fail when the key is missing.
router.get('/logout', ({ session }) => {
  session.pop('username', null)
  return 'You have logged out.'
})

export default router
