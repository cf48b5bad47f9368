/**
 * Tampering by hand: a reader edits the session data shown in the cookie table and the playground
 * writes it back into the cookie the way an attacker could, without the secret key. The payload part
 * changes, the timestamp and signature parts stay, so the server's signature check fails: the lesson
 * is that a Flask session can be read by anyone but changed by nobody without the key.
 */

function base64UrlFromText(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/**
 * `payloadJson` is re-serialised compactly (as Flask's serializer writes it) and replaces the first
 * part of `cookieValue`. A compressed cookie (leading ".") is written back uncompressed: still a
 * well-formed cookie, just a longer one. Throws SyntaxError when the JSON does not parse.
 */
export function reencodePayload(cookieValue: string, payloadJson: string): string {
  const data: unknown = JSON.parse(payloadJson);
  const payload = base64UrlFromText(JSON.stringify(data));
  const raw = cookieValue.startsWith('.') ? cookieValue.slice(1) : cookieValue;
  const parts = raw.split('.');
  // data.timestamp.signature: keep the last two parts; anything shorter gets a made-up signature.
  const tail = parts.length >= 3 ? parts.slice(-2) : ['AAAAAA', 'forged-signature'];
  return [payload, ...tail].join('.');
}
