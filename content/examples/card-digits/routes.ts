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
  // TODO: la cookie se firma pero no se cifra: cualquiera que la tenga lee el número entero.
  //       Guarda solo los cuatro últimos dígitos, en session['tarjeta_final'].
  request.session['tarjeta'] = numero
  return 'Pago registrado. Mira tu recibo en /recibo.'
})

router.get('/recibo', ({ session }) => {
  if ('tarjeta' in session) {
    return `Pagaste con la tarjeta terminada en ${session['tarjeta'].slice(-4)}.`
  }
  return 'Todavía no has pagado.'
})

export default router
