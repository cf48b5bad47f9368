import { Router } from 'itty-router'
import { withSession, saveSession, flaskResponse, type SessionRequest } from 'session-lab'

const router = Router<SessionRequest>({
  before: [withSession],                 // open_session(): reads the cookie and builds `session`
  finally: [flaskResponse, saveSession], // make_response() + save_session(): writes Set-Cookie
})

// Adds a product to the cart. (GET so it is easy to try; a real shop would use POST.)
// Add two products in a row and look at the cart: where did the second one go?
router.get('/agregar/:producto', ({ session, params }) => {
  if (!('carrito' in session)) {
    session['carrito'] = []  // top-level assignment: the session is now modified
  }
  session['carrito'].push(params.producto)  // a change INSIDE the list: Flask does not notice
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
