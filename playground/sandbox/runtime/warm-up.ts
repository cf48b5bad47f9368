/**
 * The worker's first request would be its slowest: every path it takes (itty-router, opening and
 * saving the session, HMAC, JSON, zlib both ways, Response) is compiled on first use, which took
 * 50-100 ms in a fresh worker on a slow machine. The worker is usually idle between starting and the
 * page's first message, so it spends that time on one throwaway exchange, in a harness of its own:
 * the reader's harness, its routes and its logs are not touched.
 */
import type { Harness } from './harness.ts';

/** What sucrase makes of a small seed-like module (the harness runs CommonJS-style code). */
const WARM_UP_JS = `"use strict";
const { Router } = require('itty-router');
const { withSession, saveSession, flaskResponse } = require('session-lab');
const router = Router({ before: [withSession], finally: [flaskResponse, saveSession] });
router.get('/', ({ session }) => { session['warm'] = 'up '.repeat(20); return 'stored'; });
router.get('/read', ({ session }) => session.get('warm', 'none'));
module.exports.default = router;`;

export async function warmUp(harness: Harness): Promise<boolean> {
  if (!harness.load(WARM_UP_JS, { js: WARM_UP_JS, mappings: '' }).ok) return false;
  const env = { config: { SECRET_KEY: 'warm-up' }, now: 1_700_000_000 };
  const first = await harness.request({ method: 'GET', url: 'http://localhost/', headers: [] }, env);
  // Compressible data: the cookie is deflated, so reading it back inflates it.
  const cookie = first.response.headers.find(([name]) => name.toLowerCase() === 'set-cookie')?.[1].split(';')[0];
  if (!cookie?.startsWith('session=.')) return false;
  const second = await harness.request({ method: 'GET', url: 'http://localhost/read', headers: [['Cookie', cookie]] }, env);
  return second.response.body === 'up '.repeat(20);
}
