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
export { Markup, Tuple, UUID, pythonKeys } from './python-values.ts';
export { PYTHON_NUMBER_NOTE, compareCodePoints, pythonJsonDumps, pythonJsonNumber, pythonJsonParse, PythonJsonError } from './python-json.ts';
export { TAG_KEYS, tag, taggedDumps, taggedLoads } from './tagged-json.ts';
export { parseEmailDate } from './email-date.ts';
export { dateOffset, jsCannotKeep } from './js-losses.ts';
export type { JsLoss, JsLossKind } from './js-losses.ts';
export { pyBytesRepr, pyStrRepr, pythonStr, toPythonRepr } from './python-repr.ts';
export { KeyError, NULL_SESSION_MESSAGE, NullSessionError, createSession, sessionState } from './session.ts';
export type { Session, SessionState } from './session.ts';
export { BadPayloadError, cookieDomain, cookiePath, openSession, readCookie, saveSessionHeaders } from './session-interface.ts';
export type { OpenResult, SessionTrace } from './session-interface.ts';
export { dumpCookie } from './cookie-line.ts';
export type { CookieAttributes } from './cookie-line.ts';
export {
  DEFAULT_FLASK_VERSION,
  FLASK_VERSIONS,
  SETTINGS,
  SETTINGS_BY_NAME,
  SETTING_LIMITS,
  defaultConfig,
  readSessionConfig,
  settingApplies,
} from './settings.ts';
export type { FlaskVersion, SameSiteSetting, SessionConfig, SettingDefinition, SettingName } from './settings.ts';
export { VERSION_RULES, follows, jsonDepthLimit } from './flask-versions.ts';
export type { VersionRule, VersionRuleId } from './flask-versions.ts';
export { flaskResponse, internalServerError, notFound, saveSession, withSession } from './middleware.ts';
export type { FlaskEnv, SessionRequest } from './middleware.ts';
