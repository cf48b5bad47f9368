import { Router } from 'itty-router'
import { withSession, saveSession, flaskResponse, type SessionRequest } from 'session-lab'

const router = Router<SessionRequest>({
  before: [withSession],                 // open_session(): lee la cookie y crea `session`
  finally: [flaskResponse, saveSession], // make_response() + save_session(): escribe Set-Cookie
})

// Añade un producto al carrito. (Con GET para probarlo fácil; una tienda real usaría POST.)
router.get('/agregar/:producto', ({ session, params }) => {
  // Arreglo 1: construir una lista nueva y asignarla. La asignación marca la sesión como modificada.
  session['carrito'] = [...session.get('carrito', []), params.producto]
  // Arreglo 2 (equivalente): session.setdefault('carrito', []).push(params.producto)
  //                          session.modified = true
  // (session['carrito'].push(…) a secas fallaría en el primer producto: la lista aún no existe.)
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
