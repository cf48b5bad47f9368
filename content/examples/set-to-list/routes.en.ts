import { Router } from 'itty-router'
import { withSession, saveSession, flaskResponse, type SessionRequest } from 'session-lab'

const router = Router<SessionRequest>({
  before: [withSession],                 // open_session(): reads the cookie and builds `session`
  finally: [flaskResponse, saveSession], // make_response() + save_session(): writes Set-Cookie
})

// Remembers which different pages each visitor has seen.
router.get('/ver/:pagina', ({ session, params }) => {
  // TODO: a Set (in Python, a set) has no form in Flask's JSON: when the session is saved,
  //       Flask raises TypeError and the response is a 500. Store a list without repeats.
  const vistas = new Set(session.get('vistas', []))
  vistas.add(params.pagina)
  session['vistas'] = vistas
  return `Different pages seen: ${vistas.size}`
})

export default router
