import { Router } from 'itty-router'
import { withSession, saveSession, flaskResponse, type SessionRequest } from 'session-lab'

const router = Router<SessionRequest>({
  before: [withSession],                 // open_session(): lee la cookie y crea `session`
  finally: [flaskResponse, saveSession], // make_response() + save_session(): escribe Set-Cookie
})

// TODO: escribe aquí un escape() que haga lo que markupsafe.escape en Flask:
//       & → &amp;   < → &lt;   > → &gt;   " → &#34;   ' → &#39;
//       y úsalo en cada sitio donde un texto del usuario entra en el HTML.

router.post('/login', async (request) => {
  const form = await request.formData()
  request.session['username'] = String(form.get('username') ?? '')
  return 'Has iniciado sesión. Ve a /perfil.'
})

// Si el nombre es <script>…</script>, el navegador lo ejecutaría en esta página, con acceso a
// todo lo que la página ve (document.cookie incluido, salvo las cookies HttpOnly).
router.get('/perfil', ({ session }) => {
  if ('username' in session) return `<h1>Bienvenido, ${session['username']}!</h1>`
  return 'No has iniciado sesión.'
})

// Lo mismo con lo que llega en la URL: cualquiera puede mandarte un enlace preparado.
router.get('/buscar', ({ query }) => {
  const q = String(query.q ?? '')
  return `<p>Resultados para: ${q}</p>`
})

export default router
