import { Router } from 'itty-router'
import { withSession, saveSession, flaskResponse, type SessionRequest, type FlaskEnv } from 'session-lab'

// Como markupsafe.escape en Flask, con las mismas entidades: el nombre lo escribe el usuario y no
// debe convertirse en HTML.
const ENTIDADES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&#34;', "'": '&#39;' }
const escape = (text: unknown) => String(text).replace(/[&<>"']/g, (c) => ENTIDADES[c])

const DOS_HORAS = 2 * 60 * 60

// Versión de sesión de cada usuario. Una cookie firmada no se puede anular desde el servidor:
// subir este número hace que todas las que llevan el anterior dejen de valer.
// (En una app real, una columna de la tabla de usuarios; aquí, memoria del servidor.)
const versiones = new Map<string, number>()

// Como @app.before_request: corre con la sesión ya abierta, antes de cada ruta.
function comprobarSesion(request: SessionRequest, env: FlaskEnv) {
  if (!('username' in request.session)) return
  // TODO 2: si han pasado más de DOS_HORAS desde session['inicio'], vacía la sesión.
  // TODO 3: si session['version'] no es la versión actual del usuario, vacía la sesión.
}

const router = Router<SessionRequest>({
  before: [withSession, comprobarSesion], // open_session() y luego el before_request
  finally: [flaskResponse, saveSession],  // make_response() + save_session(): escribe Set-Cookie
})

// Un formulario de juguete: sin contraseña ni token CSRF, para centrarse en la sesión.
router.post('/login', async (request, env: FlaskEnv) => {
  const form = await request.formData()
  const username = String(form.get('username') ?? '')
  // TODO 1: lo que hubiera en la sesión antes de entrar (de otra persona, o puesto por un
  //         atacante) no debe sobrevivir al login: vacíala primero.
  request.session['username'] = username
  // TODO 2: guarda la hora de entrada en session['inicio'] (Math.floor(env.now)).
  // TODO 3: guarda en session['version'] la versión actual del usuario (0 si no tiene).
  return `Hola, ${escape(username)}.`
})

router.get('/perfil', ({ session }) => {
  if ('username' in session) return `Bienvenido, ${escape(session['username'])}!`
  return 'No has iniciado sesión.'
})

// (Con GET para probarlo fácil; una tienda real usaría POST.)
router.get('/agregar/:producto', ({ session, params }) => {
  session['carrito'] = [...session.get('carrito', []), params.producto]
  return `Añadido: ${escape(params.producto)}.`
})

router.get('/carrito', ({ session }) => {
  const carrito: string[] = session.get('carrito', [])
  if (carrito.length === 0) return 'Tu carrito está vacío.'
  return `Carrito: ${carrito.map(escape).join(', ')}.`
})

// «Cerrar sesión en todas partes»: también en el teléfono, en la computadora de un amigo…
router.post('/salir-de-todo', ({ session }) => {
  // TODO 3: sube la versión del usuario; vaciar esta sesión no anula las demás cookies.
  session.clear()
  return 'Has cerrado sesión en todos tus dispositivos.'
})

export default router
