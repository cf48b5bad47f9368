import { Router } from 'itty-router'
import { withSession, saveSession, flaskResponse, type SessionRequest } from 'session-lab'

const router = Router<SessionRequest>({
  before: [withSession],                 // open_session(): lee la cookie y crea `session`
  finally: [flaskResponse, saveSession], // make_response() + save_session(): escribe Set-Cookie
})

// Cada navegador lleva su propio contador dentro de su cookie: el servidor no guarda nada.
router.get('/', ({ session }) => {
  const visitas = session.get('visitas', 0) + 1
  session['visitas'] = visitas  // reasignar (no solo leer) hace que Flask vuelva a firmar la cookie
  return `Visitas: ${visitas}`
})

// Poner el contador a cero quitando la clave.
router.get('/reiniciar', ({ session }) => {
  session.pop('visitas', null)  // si la sesión queda vacía, Flask envía una cookie de borrado
  return 'Contador reiniciado.'
})

export default router
