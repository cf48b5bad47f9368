import { Router } from 'itty-router'
import { withSession, saveSession, flaskResponse, type SessionRequest } from 'session-lab'

const router = Router<SessionRequest>({
  before: [withSession],                 // open_session(): reads the cookie and builds `session`
  finally: [flaskResponse, saveSession], // make_response() + save_session(): writes Set-Cookie
})

// Remembers which different pages each visitor has seen.
router.get('/ver/:pagina', ({ session, params }) => {
  // Flask's JSON has no Set: a list (array) without repeats, assigned again.
  const vistas: string[] = session.get('vistas', [])
  if (!vistas.includes(params.pagina)) {
    session['vistas'] = [...vistas, params.pagina]
  }
  return `Different pages seen: ${session['vistas'].length}`
})

export default router
