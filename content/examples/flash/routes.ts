import { Router } from 'itty-router'
import { withSession, saveSession, flaskResponse, type SessionRequest } from 'session-lab'

const router = Router<SessionRequest>({
  before: [withSession],                 // open_session(): lee la cookie y crea `session`
  finally: [flaskResponse, saveSession], // make_response() + save_session(): escribe Set-Cookie
})

// Como markupsafe.escape en Flask, con las mismas entidades: un mensaje puede llevar texto del
// usuario («Borrado: <nombre>») y no debe convertirse en HTML.
const ENTIDADES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&#34;', "'": '&#39;' }
const escape = (text: unknown) => String(text).replace(/[&<>"']/g, (c) => ENTIDADES[c])

// Guarda un mensaje para mostrarlo en la PRÓXIMA página, como flash() de Flask.
// Se asigna una lista nueva (no push) para que la sesión quede marcada como modificada.
function avisar(session: SessionRequest['session'], mensaje: string) {
  session['mensajes'] = [...session.get('mensajes', []), mensaje]
}

// Muestra los mensajes pendientes y los quita de la sesión: solo se ven una vez.
router.get('/', ({ session }) => {
  const mensajes: string[] = session.pop('mensajes', [])
  if (mensajes.length === 0) {
    return '<p>No hay mensajes.</p>'
  }
  return `<ul>${mensajes.map((m) => `<li>${escape(m)}</li>`).join('')}</ul>`
})

router.get('/guardar', ({ session }) => {
  avisar(session, 'Cambios guardados.')
  return 'Hecho. Vuelve a / para ver el aviso.'
})

router.get('/borrar', ({ session }) => {
  avisar(session, 'Elemento borrado.')
  return 'Hecho. Vuelve a / para ver el aviso.'
})

export default router
