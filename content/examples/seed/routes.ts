import { Router } from 'itty-router'
import { withSession, saveSession, flaskResponse, type SessionRequest } from 'session-lab'

const router = Router<SessionRequest>({
  before: [withSession],                 // open_session(): lee la cookie y crea `session`
  finally: [flaskResponse, saveSession], // make_response() + save_session(): escribe Set-Cookie
})

// Guardar: asignar una clave marca la sesión como modificada, así que la respuesta lleva Set-Cookie.
router.get('/', ({ session }) => {
  session['username'] = 'ejemplo_usuario'
  return 'Datos almacenados en la sesión.'
})

// Leer: la sesión llega en la cookie que el navegador envía; aquí solo se lee, no se vuelve a enviar.
router.get('/perfil', ({ session }) => {
  if ('username' in session) {
    return `Bienvenido, ${session['username']}!`
  }
  return 'No has iniciado sesión.'
})

// Borrar: pop() con valor por defecto no falla si la clave no existe.
router.get('/logout', ({ session }) => {
  session.pop('username', null)
  return 'Has cerrado sesión.'
})

export default router
