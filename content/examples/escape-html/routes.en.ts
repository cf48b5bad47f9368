import { Router } from 'itty-router'
import { withSession, saveSession, flaskResponse, type SessionRequest } from 'session-lab'

const router = Router<SessionRequest>({
  before: [withSession],                 // open_session(): reads the cookie and builds `session`
  finally: [flaskResponse, saveSession], // make_response() + save_session(): writes Set-Cookie
})

// TODO: write an escape() here that does what markupsafe.escape does in Flask:
//       & → &amp;   < → &lt;   > → &gt;   " → &#34;   ' → &#39;
//       and use it wherever text from the user goes into the HTML.

router.post('/login', async (request) => {
  const form = await request.formData()
  request.session['username'] = String(form.get('username') ?? '')
  return 'You are logged in. Go to /perfil.'
})

// If the name is <script>…</script>, the browser would run it on this page, with access to
// everything the page sees (document.cookie included, except HttpOnly cookies).
router.get('/perfil', ({ session }) => {
  if ('username' in session) return `<h1>Welcome, ${session['username']}!</h1>`
  return 'You are not logged in.'
})

// The same goes for what arrives in the URL: anyone can send you a crafted link.
router.get('/buscar', ({ query }) => {
  const q = String(query.q ?? '')
  return `<p>Results for: ${q}</p>`
})

export default router
