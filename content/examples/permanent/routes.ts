import { Router } from 'itty-router'
import { withSession, saveSession, flaskResponse, type SessionRequest } from 'session-lab'

const router = Router<SessionRequest>({
  before: [withSession],                 // open_session(): lee la cookie y crea `session`
  finally: [flaskResponse, saveSession], // make_response() + save_session(): escribe Set-Cookie
})

// Sesión normal: la cookie no lleva Expires y el navegador la borra al cerrarse.
router.get('/login', ({ session }) => {
  session['username'] = 'ejemplo_usuario'
  return 'Sesión iniciada (hasta que cierres el navegador).'
})

// "Recuérdame": session.permanent = true añade Expires = ahora + PERMANENT_SESSION_LIFETIME.
router.get('/recordarme', ({ session }) => {
  session['username'] = 'ejemplo_usuario'
  session.permanent = true
  return 'Sesión iniciada: te recordaremos durante 1 hora.'
})

// Solo lee. Aun así, una sesión permanente se vuelve a firmar en cada petición
// (SESSION_REFRESH_EACH_REQUEST) y su Expires se desplaza.
router.get('/perfil', ({ session }) => {
  if ('username' in session) {
    return `Bienvenido, ${session['username']}!`
  }
  return 'No has iniciado sesión.'
})

router.get('/logout', ({ session }) => {
  session.clear()
  return 'Has cerrado sesión.'
})

export default router
