import { Router } from 'itty-router'
import { withSession, saveSession, flaskResponse, type SessionRequest } from 'session-lab'

const router = Router<SessionRequest>({
  before: [withSession],                 // open_session(): lee la cookie y crea `session`
  finally: [flaskResponse, saveSession], // make_response() + save_session(): escribe Set-Cookie
})

// Contar visitas para estadísticas no es estrictamente necesario para dar el servicio: la ley
// (ePrivacy art. 5.3; en España, LSSI art. 22.2) exige consentimiento previo para guardarlo.
router.get('/', ({ session }) => {
  // Sin un «sí», la sesión no cambia y Flask no envía ninguna cookie.
  if (session.get('consentimiento') !== 'si') return 'Sin estadísticas.'
  session['visitas'] = session.get('visitas', 0) + 1
  return `Visitas: ${session['visitas']}`
})

// Recordar la decisión, sea cual sea, sí es necesario: si no, habría que preguntar siempre.
router.post('/consentimiento', async (request) => {
  const form = await request.formData()
  const acepta = form.get('acepta') === 'si' ? 'si' : 'no'
  request.session['consentimiento'] = acepta
  // Retirar el consentimiento es tan fácil como darlo, y borra lo ya contado.
  if (acepta === 'no') request.session.pop('visitas', null)
  return 'Preferencia guardada.'
})

export default router
