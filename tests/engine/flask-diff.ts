/**
 * The differential runs behind flask-diff.test.ts: every recorded case of one Flask line
 * (tests/fixtures/flask/<line>/, written by scripts/flaskref.py) replayed through the engine, each
 * disagreement either explained by a named class of values JavaScript cannot represent or
 * reported as a failure.
 */
import { Router } from 'itty-router';
import {
  type FlaskEnv,
  type FlaskVersion,
  type Session,
  type SessionConfig,
  type SessionRequest,
  KeyError,
  NullSessionError,
  decodeSessionCookieSync,
  defaultConfig,
  dumpPayload,
  encodeSessionCookieSync,
  flaskResponse,
  internalServerError,
  jsCannotKeep,
  loadPayload,
  openSession,
  pythonJsonDumps,
  pythonJsonNumber,
  saveSession,
  sessionState,
  toPythonRepr,
  withSession,
} from '../../playground/engine/index.ts';
import { fromConv, hasPythonOnlyNumber, ordered, orderedConv, readJsonl, toConv } from './convention.ts';

export interface Outcome {
  cases: number;
  /** Disagreements explained by a class, counted per class. */
  explained: Record<string, number>;
  /** Disagreements nothing explains: must stay empty. */
  wrong: string[];
  /** Cases whose decoded session holds such a value, as the engine's jsCannotKeep reports it. */
  lossy: Record<string, number>;
}

const outcome = (): Outcome => ({ cases: 0, explained: {}, wrong: [], lossy: {} });
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const explain = (o: Outcome, cls: string) => (o.explained[cls] = (o.explained[cls] ?? 0) + 1);

interface SessionRecord { secret: string; ts: number; session: unknown; cookie: string; payload_json: string; decoded: unknown }

/** Python's JSON text with every integral float literal (2.0, 1e+16) written as the engine writes that Number. */
function asJsWritesIt(json: string): string {
  return json.replace(/"(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?/g, (tok) => {
    if (tok.startsWith('"') || !/[.eE]/.test(tok)) return tok;
    const x = Number(tok);
    return Number.isInteger(x) && !Object.is(x, -0) ? pythonJsonNumber(x) : tok;
  });
}

/** Classes of JS-unrepresentable values a decoded payload holds, from the engine's own report. */
function lossesOf(json: string, data: unknown): Set<string> {
  return new Set(jsCannotKeep(json, data).map((l) => l.kind));
}

/** Random sessions: the cookie Flask signs for each, and what Flask reads back from it. */
export function runSessions(line: FlaskVersion): Outcome {
  const o = outcome();
  for (const r of readJsonl<SessionRecord>(`${line}/sessions.jsonl`)) {
    o.cases++;
    const input = fromConv(r.session);
    const cookie = encodeSessionCookieSync(input, { secretKey: r.secret, timestamp: r.ts });
    if (cookie !== r.cookie) {
      // a float with an integral value (2.0, 1e16) is a plain number in JS: written back as an int
      if (asJsWritesIt(r.payload_json) === dumpPayload(input).json) explain(o, 'integral-float');
      else o.wrong.push(`encode ${r.cookie.slice(0, 60)}\n  flask  ${r.payload_json.slice(0, 200)}\n  engine ${dumpPayload(input).json.slice(0, 200)}`);
    }
    const got = decodeSessionCookieSync(r.cookie, { secretKey: r.secret, now: r.ts, maxAge: null });
    if (!got.ok) {
      o.wrong.push(`decode ${r.cookie.slice(0, 60)}: ${got.reason}`);
      continue;
    }
    const { json } = loadPayload(r.cookie.slice(0, r.cookie.lastIndexOf('.', r.cookie.lastIndexOf('.') - 1)));
    const want = orderedConv(r.decoded);
    const have = ordered(got.data);
    if (!same(have, want)) {
      const losses = lossesOf(json, got.data);
      if (losses.has('integral-float') && hasPythonOnlyNumber(r.decoded)) explain(o, 'integral-float');
      else o.wrong.push(`decode ${r.cookie.slice(0, 60)}\n  flask  ${JSON.stringify(want).slice(0, 300)}\n  engine ${JSON.stringify(have).slice(0, 300)}`);
    }
  }
  return o;
}

interface OpenRecord {
  secret: string; now: number; cookie: string | null; header?: string; lifetime?: number; fallbacks?: string[]; payload?: string;
  value: string | null; signature?: string; result: 'session' | 'error' | 'null-session'; error?: string; session?: unknown;
}

function depthOf(v: unknown): number {
  let d = 0;
  for (;;) {
    if (v instanceof Map && v.size) v = v.values().next().value;
    else if (Array.isArray(v) && v.length) v = v[0];
    else if (v !== null && typeof v === 'object' && !(v instanceof Map) && !Array.isArray(v) && Object.keys(v).length) v = Object.values(v)[0];
    else return d;
    d++;
  }
}

/** Cookies sent to open_session: tampered, expired, future, other keys, odd headers, adversarial payloads. */
export function runOpens(line: FlaskVersion, rules: FlaskVersion = line): Outcome {
  const o = outcome();
  for (const r of readJsonl<OpenRecord>(`${line}/opens.jsonl`)) {
    o.cases++;
    const config = defaultConfig({
      FLASK_VERSION: rules,
      SECRET_KEY: r.secret,
      SECRET_KEY_FALLBACKS: r.fallbacks ?? [],
      PERMANENT_SESSION_LIFETIME: r.lifetime ?? 2678400,
    });
    const header = r.header ?? `session=${r.cookie}`;
    const label = `${header.slice(0, 80)} ${r.payload ? JSON.stringify(r.payload.slice(0, 60)) : ''}`;
    let result: OpenRecord['result'];
    let session: Session | undefined;
    let detail = '';
    try {
      const opened = openSession(header, config, r.now);
      session = opened.session;
      result = sessionState(session)?.isNull ? 'null-session' : 'session';
      detail = `${opened.trace.result} ${opened.trace.detail ?? ''}`;
      if (r.signature && r.signature !== 'ok' && opened.trace.result !== r.signature) {
        o.wrong.push(`${label}: signature verdict ${opened.trace.result}, Flask ${r.signature}`);
        continue;
      }
    } catch (e) {
      result = 'error';
      detail = String(e);
    }
    if (result !== r.result) {
      o.wrong.push(`${label}: engine ${result} (${detail.slice(0, 120)}), Flask ${r.result} ${r.error ?? ''}`);
      continue;
    }
    if (result !== 'session' || !session) continue;
    const data = sessionState(session)!.data;
    const want = r.session as Record<string, unknown>;
    if (want && typeof want === 'object' && '$depth' in want) {
      if (depthOf(data) !== want.$depth) o.wrong.push(`${label}: depth ${depthOf(data)}, Flask ${want.$depth}`);
      continue;
    }
    const have = ordered(data);
    const cookie = r.cookie ?? '';
    const payload = cookie.slice(0, cookie.lastIndexOf('.', cookie.lastIndexOf('.') - 1));
    let losses = new Set<string>();
    try {
      const loaded = loadPayload(payload);
      losses = lossesOf(loaded.json, loaded.data);
    } catch {
      // unreadable without the key's checks: nothing to explain with
    }
    for (const kind of losses) o.lossy[kind] = (o.lossy[kind] ?? 0) + 1;
    if (same(have, orderedConv(want))) continue;
    // a float with an integral value, kept as a float or as the text Markup(2.0) made of it
    if (losses.has('integral-float') && (hasPythonOnlyNumber(want) || same(have, JSON.parse(JSON.stringify(orderedConv(want)).replace(/(\d)\.0\b/g, '$1'))))) explain(o, 'integral-float');
    else o.wrong.push(`${label}\n  flask  ${JSON.stringify(orderedConv(want)).slice(0, 300)}\n  engine ${JSON.stringify(have).slice(0, 300)}`);
  }
  return o;
}

interface CycleStep {
  later: number; now: number; cookie: string | null; ops: unknown[][]; ret: 'text' | 'json' | 'created';
  status: number; body: string; content_type: string | null; vary: string | null; set_cookie: string[];
}
interface CycleRecord { secret: string; config: Record<string, unknown>; steps: CycleStep[] }

/** One op of the recorded view, on the reader-facing Session, the way reader code would write it. */
function runOp(session: Session, op: unknown[]): unknown {
  const [kind, a, b] = op as [string, string, unknown];
  switch (kind) {
    case 'get': return session.get(a);
    case 'get_default': return session.get(a, b);
    case 'in': return a in session;
    case 'len': return session.size;
    case 'iter': return [...session];
    case 'keys': return session.keys();
    case 'items': return session.items();
    case 'set': session[a] = fromConv(b); return null;
    case 'pop': return session.pop(a, b);
    case 'pop_missing': return session.pop(a);
    case 'setdefault': return session.setdefault(a, b);
    case 'update': session.update(fromConv(a) as Record<string, unknown>); return null;
    case 'clear': session.clear(); return null;
    case 'permanent': session.permanent = Boolean(a); return null;
    case 'get_permanent': return session.permanent;
    case 'modified': session.modified = Boolean(a); return null;
    default: return null;
  }
}

/** Whole request cycles on a real Flask app: status, body, Content-Type, Vary and every Set-Cookie. */
export async function runCycles(line: FlaskVersion, rules: FlaskVersion = line): Promise<Outcome> {
  const o = outcome();
  for (const c of readJsonl<CycleRecord>(`${line}/cycles.jsonl`)) {
    const config: SessionConfig = defaultConfig({ ...(c.config as Partial<SessionConfig>), FLASK_VERSION: rules, SECRET_KEY: c.secret });
    let step: CycleStep;
    const router = Router<SessionRequest, [FlaskEnv]>({ before: [withSession], finally: [flaskResponse, saveSession] });
    router.all('*', ({ session }) => {
      const results = step.ops.map((op) => toConv(runOp(session, op)));
      if (step.ret === 'json') return { r: results, k: c.steps.indexOf(step) };
      if (step.ret === 'created') return ['created ' + pythonJsonDumps(results), 201];
      return 'ok ' + pythonJsonDumps(results);
    });
    for (step of c.steps) {
      o.cases++;
      const req = new Request('http://localhost/run', { headers: step.cookie ? { Cookie: step.cookie } : {} });
      const env: FlaskEnv = { config, now: step.now };
      let res: Response;
      try {
        res = await router.fetch(req, env);
      } catch (e) {
        if (!(e instanceof KeyError || e instanceof NullSessionError || (e as Error).name === 'BadPayload')) throw e;
        res = saveSession(internalServerError(), req as unknown as SessionRequest, env); // what the sandbox does
      }
      const have = { status: res.status, body: await res.text(), content_type: res.headers.get('content-type'), vary: res.headers.get('vary'), set_cookie: res.headers.getSetCookie() };
      const want = { status: step.status, body: step.body, content_type: step.content_type, vary: step.vary, set_cookie: step.set_cookie };
      if (!same(have, want)) {
        o.wrong.push(`${JSON.stringify(c.config)}\n  ops ${JSON.stringify(step.ops)} cookie ${step.cookie?.slice(0, 50)}\n  flask  ${JSON.stringify(want).slice(0, 400)}\n  engine ${JSON.stringify(have).slice(0, 400)}`);
        break; // the rest of this cycle depends on this step
      }
    }
  }
  return o;
}

interface ReprRecord { secret: string; cookie: string; repr: string }

/** repr(dict(session)) of decoded cookies, in the cookie's key order. */
export function runReprs(line: FlaskVersion): Outcome {
  const o = outcome();
  for (const r of readJsonl<ReprRecord>(`${line}/repr.jsonl`)) {
    o.cases++;
    const have = toPythonRepr(openSessionData(r, line));
    if (have === r.repr) continue;
    const payload = r.cookie.slice(0, r.cookie.lastIndexOf('.', r.cookie.lastIndexOf('.') - 1));
    const { json, data } = loadPayload(payload);
    if (lossesOf(json, data).has('integral-float')) explain(o, 'integral-float');
    else o.wrong.push(`${r.cookie.slice(0, 50)}\n  flask  ${r.repr.slice(0, 300)}\n  engine ${have.slice(0, 300)}`);
  }
  return o;
}

function openSessionData(r: ReprRecord, line: FlaskVersion): Session {
  const ts = decodeSessionCookieSync(r.cookie, { secretKey: r.secret, maxAge: null });
  const now = ts.ok ? ts.timestamp : 0;
  return openSession(`session=${r.cookie}`, defaultConfig({ FLASK_VERSION: line, SECRET_KEY: r.secret }), now).session;
}
