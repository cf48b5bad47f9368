import { Router } from 'itty-router'
import { withSession, saveSession, flaskResponse, type SessionRequest } from 'session-lab'

const router = Router<SessionRequest>({
  before: [withSession],                 // open_session(): lee la cookie y crea `session`
  finally: [flaskResponse, saveSession], // make_response() + save_session(): escribe Set-Cookie
})

// Cada navegador lleva su propio contador dentro de su cookie: el servidor no guarda nada.
router.get('/', ({ session }) => {
  const visitas = session.get('visitas', 0)
  // TODO: suma 1 y guarda el resultado en session['visitas'].
  return `Visitas: ${visitas}`
})

// Poner el contador a cero quitando la clave.
router.get('/reiniciar', ({ session }) => {
  // TODO: quita 'visitas' de la sesión.
  return 'Contador reiniciado.'
})

export default router
