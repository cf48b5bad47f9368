import { Router } from 'itty-router'
import { withSession, saveSession, flaskResponse, type SessionRequest } from 'session-lab'

const router = Router<SessionRequest>({
  before: [withSession],                 // open_session(): reads the cookie and builds `session`
  finally: [flaskResponse, saveSession], // make_response() + save_session(): writes Set-Cookie
})

// Like markupsafe.escape in Flask, with the same entities: a message may carry text from the user
// ("Deleted: <name>") and must not become HTML.
const ENTIDADES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&#34;', "'": '&#39;' }
const escape = (text: unknown) => String(text).replace(/[&<>"']/g, (c) => ENTIDADES[c])

// Stores a message to show on the NEXT page, like Flask's flash().
// It assigns a new list (no push) so the session is marked as modified.
function notify(session: SessionRequest['session'], message: string) {
  session['mensajes'] = [...session.get('mensajes', []), message]
}

// Shows the pending messages and removes them from the session: each is seen only once.
router.get('/', ({ session }) => {
  const messages: string[] = session.pop('mensajes', [])
  if (messages.length === 0) {
    return '<p>No messages.</p>'
  }
  return `<ul>${messages.map((m) => `<li>${escape(m)}</li>`).join('')}</ul>`
})

router.get('/guardar', ({ session }) => {
  notify(session, 'Changes saved.')
  return 'Done. Go back to / to see the notice.'
})

router.get('/borrar', ({ session }) => {
  notify(session, 'Item deleted.')
  return 'Done. Go back to / to see the notice.'
})

export default router
