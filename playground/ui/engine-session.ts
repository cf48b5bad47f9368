/**
 * The session-engine functions the interface uses, in one place (the engine's public index).
 * The page bundle pays only for what is imported here and in the cookie modules.
 */
export { inspectSessionCookie, toPythonRepr } from '../engine/index.ts';
export type { CookieInspection, SessionConfig } from '../engine/index.ts';
