/** The playground's default example, as the reader first sees it. */
export const EXAMPLE = `import { Router } from 'itty-router'
import { withSession, saveSession, flaskResponse, type SessionRequest } from 'session-lab'

const router = Router<SessionRequest>({
  before: [withSession],                 // open_session()
  finally: [flaskResponse, saveSession], // make_response() + save_session()
})

router.get('/', ({ session }) => {
  session['username'] = 'ejemplo_usuario'
  return 'Datos almacenados en la sesión.'
})
router.get('/perfil', ({ session }) =>
  'username' in session ? \`Bienvenido, \${session['username']}!\` : 'No has iniciado sesión.')
router.get('/logout', ({ session }) => {
  session.pop('username', null)
  return 'Has cerrado sesión.'
})

export default router
`;
