/** Session Lab engine: Flask's signed-cookie session in TypeScript (no DOM, no Web Crypto). */
export * from './cookies/index.ts';
export type * from './wire.ts';

export {
  encodeSessionCookie,
  encodeSessionCookieSync,
  decodeSessionCookie,
  decodeSessionCookieSync,
  inspectSessionCookie,
  dumpPayload,
  loadPayload,
} from './cookie-codec.ts';
export type { CookieInspection, DecodeFailure, DecodeOptions, DecodeResult, EncodeOptions } from './cookie-codec.ts';
export { DEFAULT_MAX_AGE, MAX_PYTHON_TIMESTAMP, SESSION_SALT, deriveKey, signWithTimestamp, unsignTimestamped } from './signer.ts';
export type { SecretKey, UnsignResult, VerifiedBy } from './signer.ts';
export { Markup, Tuple, UUID } from './python-values.ts';
export { PYTHON_NUMBER_NOTE, compareCodePoints, pythonJsonDumps, pythonJsonParse, PythonJsonError } from './python-json.ts';
export { TAG_KEYS, httpDate, parseHttpDate, tag, taggedDumps, taggedLoads } from './tagged-json.ts';
export { pyBytesRepr, pyStrRepr, toPythonRepr } from './python-repr.ts';
export { KeyError, NULL_SESSION_MESSAGE, NullSessionError, createSession, sessionState } from './session.ts';
export type { Session, SessionState } from './session.ts';
export {
  BadPayloadError,
  cookieDomain,
  cookiePath,
  defaultConfig,
  dumpCookie,
  openSession,
  readCookie,
  saveSession as saveSessionHeaders,
} from './session-interface.ts';
export type { CookieAttributes, OpenResult, SessionConfig, SessionTrace } from './session-interface.ts';
export { flaskResponse, internalServerError, notFound, saveSession, withSession } from './middleware.ts';
export type { FlaskEnv, SessionRequest } from './middleware.ts';
