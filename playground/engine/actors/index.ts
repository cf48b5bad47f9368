// The lab's security actors, built on the cookie jar and the signer: another site (CSRF), a script
// in the page (XSS) and a key guesser (flask-unsign). Pure TypeScript, no DOM, no Web Crypto.
export { completeOtherSiteRequest, EVIL_ORIGIN, initiatorCanRead, OTHER_SITE_VIAS, otherSiteContext, otherSiteRequest } from './other-site.ts';
export type { OtherSiteAttempt, OtherSiteRequestInit, OtherSiteVia } from './other-site.ts';
export { readDocumentCookie, writeDocumentCookie } from './page-script.ts';
export type { ScriptCookieView } from './page-script.ts';
export { DEFAULT_MAX_WORDS, guessSecretKey, guessSecretKeySteps, keyLabel, MAX_WORDS_LIMIT, parseWordList } from './key-guesser.ts';
export type { GuessOptions, GuessProgress, GuessResult, GuessRunOptions, GuessWord } from './key-guesser.ts';
export { BUILT_IN_WORDS, FLASK_DOCS_BYTES_KEY, FLASK_DOCS_HEX_KEY } from './weak-keys.ts';
