/**
 * What the reader's `import … from 'session-lab'` gets: the engine's Flask-style session middleware
 * and the Python value types a session can hold. Keep in sync with ../types/session-lab.d.ts (a test
 * compares the two lists of names).
 */
export { withSession, saveSession, flaskResponse, BadPayloadError, KeyError, Tuple, UUID, Markup } from '../../engine/index.ts';
