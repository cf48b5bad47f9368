import { Router } from 'itty-router'
import { withSession, saveSession, flaskResponse, type SessionRequest } from 'session-lab'

const router = Router<SessionRequest>({
  before: [withSession],                 // open_session(): lee la cookie y crea `session`
  finally: [flaskResponse, saveSession], // make_response() + save_session(): escribe Set-Cookie
})

router.get('/pagar', () => `
  <form method="post" action="/pagar">
    <label>Número de tarjeta <input name="tarjeta" inputmode="numeric" autocomplete="cc-number"></label>
    <button>Pagar</button>
  </form>`)

router.post('/pagar', async (request) => {
  const form = await request.formData()
  const numero = String(form.get('tarjeta') ?? '').replaceAll(' ', '')
  // (Aquí se cobraría el pago.) El recibo necesita recordar con qué tarjeta se pagó.
  // La cookie se firma pero no se cifra: quien la tenga la lee. Solo los cuatro últimos dígitos.
  request.session['tarjeta_final'] = numero.slice(-4)
  return 'Pago registrado. Mira tu recibo en /recibo.'
})

router.get('/recibo', ({ session }) => {
  if ('tarjeta_final' in session) {
    return `Pagaste con la tarjeta terminada en ${session['tarjeta_final']}.`
  }
  return 'Todavía no has pagado.'
})

export default router
