/**
 * Flask's response-mode fixtures (real Flask apps + test client, see scripts/gen-flask-fixtures.sh)
 * replayed end to end through a real itty-router Router with the engine's middleware: the same
 * four views (/set, /clear, /none, /read), the same requests, the same clock. Every Set-Cookie
 * line, Vary header, status and content type must be Flask's.
 */
import { Router } from 'itty-router';
import { describe, expect, it } from 'vitest';
import {
  type FlaskEnv,
  type SessionConfig,
  type SessionRequest,
  type SessionTrace,
  defaultConfig,
  flaskResponse,
  internalServerError,
  saveSession,
  withSession,
} from '../../playground/engine/index.ts';
import { fromConv, readJson } from './convention.ts';

interface Case { args: string[]; expected: string; rc: number }
interface Seen { status: number; setCookies: string[]; vary: string | null; contentType: string | null; session?: string }

function configValue(k: string, v: string): unknown {
  const low = v.toLowerCase();
  if (low === 'true') return true;
  if (low === 'false') return false;
  if (low === 'null' || (v === 'None' && k !== 'SESSION_COOKIE_SAMESITE')) return null;
  if (v.length >= 2 && v.startsWith('"') && v.endsWith('"')) return JSON.parse(v);
  return /^-?\d+$/.test(v) ? Number(v) : v;
}

function parseArgs(args: string[]) {
  const o = { secret: '', json: undefined as string | undefined, permanent: false, config: {} as Record<string, unknown>, action: 'set', cookie: undefined as string | undefined, now: 0, later: 0 };
  for (let i = 1; i < args.length; i++) {
    const a = args[i];
    if (a === '--secret') o.secret = args[++i];
    else if (a === '--json') o.json = args[++i];
    else if (a === '--permanent') o.permanent = true;
    else if (a === '--config') {
      const [k, ...rest] = args[++i].split('=');
      o.config[k] = configValue(k, rest.join('='));
    } else if (a === '--action') o.action = args[++i];
    else if (a === '--cookie') o.cookie = args[++i];
    else if (a === '--now') o.now = Number(args[++i]);
    else if (a === '--later') o.later = Number(args[++i]);
  }
  return o;
}

/** flaskref's --all-headers output → one record per request. */
function parseExpected(text: string): Seen[] {
  return text.split('## GET ').slice(1).map((block) => {
    const lines = block.split('\n');
    const seen: Seen = { status: Number(lines[1].split(' ')[1]), setCookies: [], vary: null, contentType: null };
    for (const line of lines.slice(2)) {
      if (line.startsWith('Set-Cookie: ')) seen.setCookies.push(line.slice(12));
      else if (line.startsWith('Vary: ')) seen.vary = line.slice(6);
      else if (line.startsWith('Content-Type: ')) seen.contentType = line.slice(14);
      else if (line.startsWith('# view saw session: ')) seen.session = line.slice(20);
    }
    return seen;
  });
}

async function replay(c: Case): Promise<{ seen: Seen[]; traces: SessionTrace[] }> {
  const o = parseArgs(c.args);
  const config: SessionConfig = defaultConfig({ ...(o.config as Partial<SessionConfig>), SECRET_KEY: o.secret });
  const data = o.json === undefined ? {} : (fromConv(JSON.parse(o.json)) as Record<string, unknown>);
  let sawSession: string | undefined;
  const router = Router<SessionRequest, [FlaskEnv]>({ before: [withSession], finally: [flaskResponse, saveSession] });
  router
    .get('/set', ({ session }) => {
      session.clear();
      session.update(data);
      if (o.permanent) session.permanent = true;
      return 'set';
    })
    .get('/clear', ({ session }) => {
      session.clear();
      return 'cleared';
    })
    .get('/none', () => 'untouched')
    .get('/read', ({ session }) => {
      sawSession = JSON.stringify(Object.fromEntries(session.keys().map((k) => [k, session.get(k)])));
      return 'read';
    });
  const traces: SessionTrace[] = [];
  const seen: Seen[] = [];
  const name = config.SESSION_COOKIE_NAME;
  const host = config.SERVER_NAME ?? 'localhost';
  const request = async (path: string, cookie: string | undefined, now: number) => {
    sawSession = undefined;
    const req = new Request(`http://${host}${path}`, { headers: cookie === undefined ? {} : { Cookie: `${name}=${cookie}` } });
    const env: FlaskEnv = { config, now, trace: (t) => traces.push(t) };
    let res: Response;
    try {
      res = await router.fetch(req, env);
    } catch {
      res = saveSession(internalServerError(), req as unknown as SessionRequest, env); // what the sandbox does
    }
    const s: Seen = { status: res.status, setCookies: res.headers.getSetCookie(), vary: res.headers.get('vary'), contentType: res.headers.get('content-type') };
    if (sawSession !== undefined) s.session = sawSession;
    seen.push(s);
    return res;
  };
  let incoming = o.cookie;
  let now = o.now;
  if (o.action !== 'set' && incoming === undefined && o.json !== undefined) {
    const first = await request('/set', undefined, now);
    incoming = first.headers.getSetCookie()[0].split(';')[0].split('=').slice(1).join('=');
    now += o.later;
  }
  await request('/' + o.action, incoming, now);
  return { seen, traces };
}

const cases = readJson<Case[]>('response.json');

describe('save_session rules against Flask (router + middleware, end to end)', () => {
  for (const c of cases) {
    it(c.args.slice(5).join(' ') || '(no args)', async () => {
      const want = parseExpected(c.expected);
      const { seen } = await replay(c);
      expect(seen.map(({ session: _s, ...rest }) => rest)).toEqual(want.map(({ session: _s, ...rest }) => rest));
      // the /read view saw the same session as Flask's (compared as JSON; plain values only here)
      want.forEach((w, i) => {
        if (w.session !== undefined) expect(JSON.parse(seen[i].session ?? 'null')).toEqual(JSON.parse(w.session));
      });
    });
  }

  it('explains its decisions in the trace', async () => {
    const pick = (needle: string) => cases.find((c) => c.args.join(' ').includes(needle))!;
    const refresh = await replay(pick('--permanent --action none --later 60 --all-headers'));
    expect(refresh.traces.at(-1)).toMatchObject({ action: 'set', why: 'permanent-refresh', vary: true, opened: { result: 'ok' }, flags: { new: false, modified: false, permanent: true } });
    const cleared = await replay(pick('{"user_id":42}" --action clear --all-headers'.slice(16)));
    expect(cleared.traces.at(-1)).toMatchObject({ action: 'delete', why: 'empty-modified' });
    const untouched = await replay(cases.find((c) => c.args.join(' ') === `response --secret dev --now 1700000000 --json {"user_id":42} --action none --all-headers`)!);
    expect(untouched.traces.at(-1)).toMatchObject({ action: 'none', why: 'not-modified', vary: false, flags: { accessed: false } });
    const expired = await replay(pick('--later 2678401 --all-headers'));
    expect(expired.traces.at(-1)?.opened.result).toBe('expired');
    const noKey = await replay(cases.find((c) => c.args[2] === '' && c.args.includes('none'))!);
    expect(noKey.traces.at(-1)).toMatchObject({ action: 'none', why: 'no-secret-key' });
  });
});
