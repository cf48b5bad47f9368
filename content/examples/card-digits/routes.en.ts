import { Router } from 'itty-router'
import { withSession, saveSession, flaskResponse, type SessionRequest } from 'session-lab'

const router = Router<SessionRequest>({
  before: [withSession],                 // open_session(): reads the cookie and builds `session`
  finally: [flaskResponse, saveSession], // make_response() + save_session(): writes Set-Cookie
})

router.get('/pagar', () => `
  <form method="post" action="/pagar">
    <label>Card number <input name="tarjeta" inputmode="numeric" autocomplete="cc-number"></label>
    <button>Pay</button>
  </form>`)

router.post('/pagar', async (request) => {
  const form = await request.formData()
  const numero = String(form.get('tarjeta') ?? '').replaceAll(' ', '')
  // (The payment would be charged here.) The receipt needs to remember which card paid.
  // TODO: the cookie is signed, not encrypted: anyone who has it reads the whole number.
  //       Store only the last four digits, in session['tarjeta_final'].
  request.session['tarjeta'] = numero
  return 'Payment recorded. See your receipt at /recibo.'
})

router.get('/recibo', ({ session }) => {
  if ('tarjeta' in session) {
    return `You paid with the card ending in ${session['tarjeta'].slice(-4)}.`
  }
  return 'You have not paid yet.'
})

export default router
