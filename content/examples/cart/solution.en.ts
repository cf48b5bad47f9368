import { Router } from 'itty-router'
import { withSession, saveSession, flaskResponse, type SessionRequest } from 'session-lab'

const router = Router<SessionRequest>({
  before: [withSession],                 // open_session(): reads the cookie and builds `session`
  finally: [flaskResponse, saveSession], // make_response() + save_session(): writes Set-Cookie
})

// Adds a product to the cart. (GET so it is easy to try; a real shop would use POST.)
router.get('/agregar/:producto', ({ session, params }) => {
  // Fix 1: build a new list and assign it. The assignment marks the session as modified.
  session['carrito'] = [...session.get('carrito', []), params.producto]
  // Fix 2 (same effect): session.setdefault('carrito', []).push(params.producto)
  //                      session.modified = true
  // (a bare session['carrito'].push(…) would throw on the first product: the list does not exist yet.)
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
