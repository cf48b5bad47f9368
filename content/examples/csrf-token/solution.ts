import { Router } from 'itty-router'
import { withSession, saveSession, flaskResponse, type SessionRequest } from 'session-lab'

const router = Router<SessionRequest>({
  before: [withSession],                 // open_session(): lee la cookie y crea `session`
  finally: [flaskResponse, saveSession], // make_response() + save_session(): escribe Set-Cookie
})

// Un token por sesión, como el de Flask-WTF: 16 bytes aleatorios en hexadecimal.
function nuevoToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16))
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')
}

// Compara sin detenerse en la primera diferencia, como hmac.compare_digest en Python: el tiempo de
// respuesta no delata cuántos caracteres acertó quien prueba tokens.
function mismoToken(enviado: string, esperado: string): boolean {
  if (enviado.length === 0 || enviado.length !== esperado.length) return false
  let diferencia = 0
  for (let i = 0; i < enviado.length; i++) diferencia |= enviado.charCodeAt(i) ^ esperado.charCodeAt(i)
  return diferencia === 0
}

router.get('/cuenta', ({ session }) => {
  if (!('saldo' in session)) session['saldo'] = 100  // cuenta de demostración
  if (!('csrf_token' in session)) session['csrf_token'] = nuevoToken()
  // Otro sitio puede enviar este formulario, pero no puede leer esta página: no conoce el token.
  return `<p>Saldo: ${session['saldo']} €</p>
  <form method="post" action="/transferir">
    <input type="hidden" name="csrf_token" value="${session['csrf_token']}">
    <label>Cantidad <input name="cantidad" inputmode="numeric"></label>
    <button>Transferir</button>
  </form>`
})

router.post('/transferir', async (request) => {
  const { session } = request
  const form = await request.formData()
  // Lo primero, antes de cambiar nada: el token del formulario debe ser el de la sesión.
  const enviado = String(form.get('csrf_token') ?? '')
  if (!enviado || !mismoToken(enviado, session.get('csrf_token', ''))) {
    return ['Falta el token CSRF o no es válido.', 400]
  }
  const cantidad = String(form.get('cantidad') ?? '')
  if (!/^[0-9]+$/.test(cantidad)) return ['Cantidad no válida.', 400]
  session['saldo'] = session.get('saldo', 0) - Number(cantidad)
  return `Transferidos ${cantidad} €. Saldo: ${session['saldo']} €.`
})

// Un enlace o una imagen de otro sitio (<img src="https://tu-app/transferir?cantidad=10">) llegan
// con la cookie: GET no cambia nada. (Flask ya respondería 405 sin esta ruta; aquí lo explica.)
router.get('/transferir', () => ['Transferir es un POST: usa el formulario de /cuenta.', 405])

export default router
