import { Router } from 'itty-router'
import { withSession, saveSession, flaskResponse, type SessionRequest } from 'session-lab'

const router = Router<SessionRequest>({
  before: [withSession],                 // open_session(): reads the cookie and builds `session`
  finally: [flaskResponse, saveSession], // make_response() + save_session(): writes Set-Cookie
})

// The catalogue lives on the server (in a real app, in the database).
const CATALOGO: Record<string, { nombre: string; precio: number; descripcion: string }> = {
  p1: { nombre: 'Mug', precio: 12, descripcion: '350 ml ceramic mug, dishwasher safe.' },
  p2: { nombre: 'T-shirt', precio: 23, descripcion: 'Organic cotton T-shirt with the lab logo.' },
  p3: { nombre: 'Notebook', precio: 8, descripcion: 'A5 dotted notebook, 96 sheets.' },
}

// (GET so it is easy to try; a real shop would use POST.)
router.get('/agregar/:id', ({ session, params }) => {
  const producto = CATALOGO[params.id]
  if (!producto) return ['Unknown product.', 404]
  // TODO: the cookie travels with every request and holds 4 KB: do not copy the whole product,
  //       store only its id. (Besides, if the price changes, the cookie would keep the old one.)
  session['carrito'] = [...session.get('carrito', []), { id: params.id, ...producto }]
  return `Added: ${producto.nombre}.`
})

router.get('/carrito', ({ session }) => {
  const productos = session.get('carrito', [])
  if (productos.length === 0) return 'Your cart is empty.'
  const nombres = productos.map((p: { nombre: string }) => p.nombre).join(', ')
  const total = productos.reduce((suma: number, p: { precio: number }) => suma + p.precio, 0)
  return `Cart: ${nombres}. Total: €${total}.`
})

export default router
