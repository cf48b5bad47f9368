import { Router } from 'itty-router'
import { withSession, saveSession, flaskResponse, type SessionRequest } from 'session-lab'

const router = Router<SessionRequest>({
  before: [withSession],                 // open_session(): lee la cookie y crea `session`
  finally: [flaskResponse, saveSession], // make_response() + save_session(): escribe Set-Cookie
})

// Añade un producto al carrito. (Con GET para probarlo fácil; una tienda real usaría POST.)
// Prueba a añadir dos productos seguidos y mira el carrito: ¿dónde está el segundo?
router.get('/agregar/:producto', ({ session, params }) => {
  if (!('carrito' in session)) {
    session['carrito'] = []  // asignación de primer nivel: la sesión queda modificada
  }
  session['carrito'].push(params.producto)  // cambio DENTRO de la lista: Flask no lo detecta
  return { carrito: session['carrito'] }
})

router.get('/carrito', ({ session }) => {
  return { carrito: session.get('carrito', []) }
})

router.get('/vaciar', ({ session }) => {
  session.pop('carrito', null)
  return { carrito: [] }
})

export default router
