/**
 * What the reader's `import … from 'session-lab'` gets: the engine's Flask-style session middleware
 * and the Python value types a session can hold. The editor's declarations are generated from this
 * module (../../startup/typings-build.ts), so they follow whatever is exported here.
 */
export { withSession, saveSession, flaskResponse, BadPayloadError, KeyError, Tuple, UUID, Markup } from '../../engine/index.ts';
// For the reader's annotations (every example writes `Router<SessionRequest>`); types only, so the
// worker's module is the same.
export type { FlaskEnv, Session, SessionRequest } from '../../engine/index.ts';
