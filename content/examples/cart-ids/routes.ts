import { Router } from 'itty-router'
import { withSession, saveSession, flaskResponse, type SessionRequest } from 'session-lab'

const router = Router<SessionRequest>({
  before: [withSession],                 // open_session(): lee la cookie y crea `session`
  finally: [flaskResponse, saveSession], // make_response() + save_session(): escribe Set-Cookie
})

// El catálogo vive en el servidor (en una app real, en la base de datos).
const CATALOGO: Record<string, { nombre: string; precio: number; descripcion: string }> = {
  p1: { nombre: 'Taza', precio: 12, descripcion: 'Taza de cerámica de 350 ml, apta para lavavajillas.' },
  p2: { nombre: 'Camiseta', precio: 23, descripcion: 'Camiseta de algodón orgánico con el logo del laboratorio.' },
  p3: { nombre: 'Libreta', precio: 8, descripcion: 'Libreta A5 de 96 hojas con puntos.' },
}

// (Con GET para probarlo fácil; una tienda real usaría POST.)
router.get('/agregar/:id', ({ session, params }) => {
  const producto = CATALOGO[params.id]
  if (!producto) return ['Producto desconocido.', 404]
  // TODO: la cookie viaja en cada petición y tiene 4 KB: no copies el producto entero,
  //       guarda solo su id. (Además, si el precio cambia, la cookie seguiría con el viejo.)
  session['carrito'] = [...session.get('carrito', []), { id: params.id, ...producto }]
  return `Añadido: ${producto.nombre}.`
})

router.get('/carrito', ({ session }) => {
  const productos = session.get('carrito', [])
  if (productos.length === 0) return 'Tu carrito está vacío.'
  const nombres = productos.map((p: { nombre: string }) => p.nombre).join(', ')
  const total = productos.reduce((suma: number, p: { precio: number }) => suma + p.precio, 0)
  return `Carrito: ${nombres}. Total: ${total} €.`
})

export default router
