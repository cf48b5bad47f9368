import { Router } from 'itty-router'
import { withSession, saveSession, flaskResponse, type SessionRequest } from 'session-lab'

const router = Router<SessionRequest>({
  before: [withSession],                 // open_session(): lee la cookie y crea `session`
  finally: [flaskResponse, saveSession], // make_response() + save_session(): escribe Set-Cookie
})

// Recuerda qué páginas distintas ha visto cada visitante.
router.get('/ver/:pagina', ({ session, params }) => {
  // TODO: un Set (en Python, un set) no tiene representación en el JSON de Flask:
  //       al guardar la sesión, Flask lanza TypeError y la respuesta es un 500.
  //       Guarda una lista sin repetidos.
  const vistas = new Set(session.get('vistas', []))
  vistas.add(params.pagina)
  session['vistas'] = vistas
  return `Páginas distintas vistas: ${vistas.size}`
})

export default router
