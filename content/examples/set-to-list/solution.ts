import { Router } from 'itty-router'
import { withSession, saveSession, flaskResponse, type SessionRequest } from 'session-lab'

const router = Router<SessionRequest>({
  before: [withSession],                 // open_session(): lee la cookie y crea `session`
  finally: [flaskResponse, saveSession], // make_response() + save_session(): escribe Set-Cookie
})

// Recuerda qué páginas distintas ha visto cada visitante.
router.get('/ver/:pagina', ({ session, params }) => {
  // El JSON de Flask no tiene Set: una lista (array) sin repetidos, asignada de nuevo.
  const vistas: string[] = session.get('vistas', [])
  if (!vistas.includes(params.pagina)) {
    session['vistas'] = [...vistas, params.pagina]
  }
  return `Páginas distintas vistas: ${session['vistas'].length}`
})

export default router
