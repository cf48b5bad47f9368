import { Router } from 'itty-router'
import { withSession, saveSession, flaskResponse, type SessionRequest } from 'session-lab'

const router = Router<SessionRequest>({
  before: [withSession],                 // open_session(): reads the cookie and builds `session`
  finally: [flaskResponse, saveSession], // make_response() + save_session(): writes Set-Cookie
})

// One token per session, like Flask-WTF's: 16 random bytes in hexadecimal.
function nuevoToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16))
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')
}

router.get('/cuenta', ({ session }) => {
  if (!('saldo' in session)) session['saldo'] = 100  // demo account
  if (!('csrf_token' in session)) session['csrf_token'] = nuevoToken()
  // Another site can submit this form, but it cannot read this page: it does not know the token.
  return `<p>Balance: €${session['saldo']}</p>
  <form method="post" action="/transferir">
    <input type="hidden" name="csrf_token" value="${session['csrf_token']}">
    <label>Amount <input name="cantidad" inputmode="numeric"></label>
    <button>Transfer</button>
  </form>`
})

router.post('/transferir', async (request) => {
  const { session } = request
  const form = await request.formData()
  // TODO 1: if form.get('csrf_token') is not the session's token, answer
  //         ['The CSRF token is missing or invalid.', 400] without touching the balance.
  const cantidad = String(form.get('cantidad') ?? '')
  if (!/^[0-9]+$/.test(cantidad)) return ['Invalid amount.', 400]
  session['saldo'] = session.get('saldo', 0) - Number(cantidad)
  return `Transferred €${cantidad}. Balance: €${session['saldo']}.`
})

// TODO 2: a link or an image on another site (<img src="https://your-app/transferir?cantidad=10">)
//         arrives with the cookie. A GET must change nothing: answer
//         ['Transferring is a POST: use the form at /cuenta.', 405].
router.get('/transferir', ({ session, query }) => {
  const cantidad = String(query.cantidad ?? '')
  if (!/^[0-9]+$/.test(cantidad)) return ['Invalid amount.', 400]
  session['saldo'] = session.get('saldo', 0) - Number(cantidad)
  return `Transferred €${cantidad}. Balance: €${session['saldo']}.`
})

export default router
