import { Router } from 'itty-router'
import { withSession, saveSession, flaskResponse, type SessionRequest } from 'session-lab'

const router = Router<SessionRequest>({
  before: [withSession],                 // open_session(): lee la cookie y crea `session`
  finally: [flaskResponse, saveSession], // make_response() + save_session(): escribe Set-Cookie
})

// Contar visitas para estadísticas no es estrictamente necesario para dar el servicio: la ley
// (ePrivacy art. 5.3; en España, LSSI art. 22.2) exige consentimiento previo para guardarlo.
router.get('/', ({ session }) => {
  // TODO: cuenta la visita solo si session['consentimiento'] es 'si'; si no, responde
  //       'Sin estadísticas.' sin tocar la sesión (así no se crea ninguna cookie).
  session['visitas'] = session.get('visitas', 0) + 1
  return `Visitas: ${session['visitas']}`
})

// Recordar la decisión, sea cual sea, sí es necesario: si no, habría que preguntar siempre.
router.post('/consentimiento', async (request) => {
  const form = await request.formData()
  const acepta = form.get('acepta') === 'si' ? 'si' : 'no'
  request.session['consentimiento'] = acepta
  // TODO: retirar el consentimiento debe ser tan fácil como darlo: si es 'no', borra también
  //       lo ya contado (session.pop('visitas', null)).
  return 'Preferencia guardada.'
})

export default router
