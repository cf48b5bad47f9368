import { readFileSync } from 'node:fs';
import { runInNewContext } from 'node:vm';
import * as esbuild from 'esbuild';
import { describe, expect, it } from 'vitest';
import { encodeSessionCookieSync } from '../../../playground/engine/index.ts';
import {
  DEFAULT_MAX_WORDS,
  guessSecretKey,
  guessSecretKeySteps,
  parseWordList,
} from '../../../playground/engine/actors/key-guesser.ts';
import type { GuessResult } from '../../../playground/engine/actors/key-guesser.ts';
import { BUILT_IN_WORDS, FLASK_DOCS_BYTES_KEY } from '../../../playground/engine/actors/weak-keys.ts';

const T0 = 1_700_000_000;
const sign = (secretKey: string | Uint8Array, data: unknown = { usuario: 'ana' }) => encodeSessionCookieSync(data, { secretKey, timestamp: T0 });

function run(cookie: string, options = {}): GuessResult {
  const steps = guessSecretKeySteps(cookie, options);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

// Cookies made by real Flask (tests/fixtures/flask): the guesser must verify itsdangerous' signatures.
const flaskVectors = readFileSync(new URL('../../fixtures/flask/3.1/sessions.jsonl', import.meta.url), 'utf8')
  .trim()
  .split('\n')
  .map((l) => JSON.parse(l) as { secret: string; cookie: string })
  .filter((v) => typeof v.secret === 'string')
  .slice(0, 5);

describe('key guesser (flask-unsign --unsign)', () => {
  it('ships a few hundred distinct weak keys, the course seed key and Flask docs examples among them', () => {
    expect(BUILT_IN_WORDS.length).toBeGreaterThanOrEqual(300);
    const labels = new Set(BUILT_IN_WORDS.map((w) => (typeof w === 'string' ? w : `bytes:${[...w].join(',')}`)));
    expect(labels.size).toBe(BUILT_IN_WORDS.length);
    for (const weak of ['secret', 'dev', 'changeme', 'tu_clave_secreta_aqui', 'super secret key', 'development key']) {
      expect(BUILT_IN_WORDS).toContain(weak);
    }
  });

  it('finds the seed key and says how many words it tried', () => {
    const result = run(sign('tu_clave_secreta_aqui'));
    const index = BUILT_IN_WORDS.indexOf('tu_clave_secreta_aqui');
    expect(result).toMatchObject({ found: true, key: 'tu_clave_secreta_aqui', source: 'built-in', tried: index + 1 });
    if (result.found) expect(result.session).toEqual({ ok: true, data: { usuario: 'ana' }, timestamp: T0 });
  });

  it('finds the bytes key from Flask’s quickstart and shows it as Python writes it', () => {
    const result = run(sign(FLASK_DOCS_BYTES_KEY));
    expect(result).toMatchObject({ found: true, key: String.raw`b'_5#y2L"F4Q8z\n\xec]/'`, tried: 1 });
  });

  it('a strong key survives the whole list', () => {
    const strong = 'Jx7#qP2v!9LmZ0rT8wYc4Ns6Ke1Ud3Hb';
    const result = run(sign(strong));
    expect(result).toEqual({ found: false, tried: BUILT_IN_WORDS.length, total: BUILT_IN_WORDS.length, reason: 'exhausted', untried: 0 });
  });

  it('verifies real Flask cookies with the reader’s own list (str and Python-literal lines)', () => {
    expect(flaskVectors.length).toBeGreaterThan(0);
    for (const v of flaskVectors) {
      const list = `decoy\n\n'quoted decoy'\r\n${v.secret}\nafter`;
      const result = run(v.cookie, { words: parseWordList(list), builtIn: false });
      expect(result, v.secret).toMatchObject({ found: true, key: v.secret, source: 'yours', tried: 3 });
    }
  });

  it('reads word-list lines as flask-unsign does: Python literals become their value', () => {
    const words = parseWordList(`plain key\n'it''s'\n"with \\"quotes\\""\nb'\\x00\\xff'\n'tab\\there'\n  \n`);
    expect(words.slice(0, 3)).toEqual(['plain key', "'it''s'", 'with "quotes"']);
    expect(words[3]).toEqual(Uint8Array.from([0, 255]));
    expect(words[4]).toBe('tab\there');
    expect(words).toHaveLength(5);
    const bytesKey = Uint8Array.from([0, 255]);
    expect(run(sign(bytesKey), { words, builtIn: false })).toMatchObject({ found: true, key: String.raw`b'\x00\xff'`, tried: 4 });
  });

  it('caps the words it tries and says how many were left', () => {
    const words = Array.from({ length: 50 }, (_, i) => `w${i}`);
    expect(run(sign('w49'), { words, builtIn: false, maxWords: 10 })).toEqual({ found: false, tried: 10, total: 10, reason: 'cap', untried: 40 });
    expect(DEFAULT_MAX_WORDS).toBe(100_000);
  });

  it('skips repeated words and refuses what is not a signed cookie', () => {
    expect(run(sign('x'), { words: ['a', 'a', 'b', 'a'], builtIn: false })).toMatchObject({ found: false, tried: 2, total: 2 });
    for (const bad of ['', 'not-a-cookie', 'a.b', 'a b.c.d']) {
      expect(run(bad)).toMatchObject({ found: false, reason: 'malformed', tried: 0 });
    }
  });

  it('yields between chunks so a page can paint, and stops when cancelled', async () => {
    const words = Array.from({ length: 1000 }, (_, i) => `w${i}`);
    const steps = guessSecretKeySteps(sign('w999'), { words, builtIn: false, chunkSize: 100 });
    const seen: number[] = [];
    let step = steps.next();
    while (!step.done) {
      seen.push(step.value.tried);
      step = steps.next();
    }
    expect(seen).toEqual([100, 200, 300, 400, 500, 600, 700, 800, 900]);
    expect(step.value).toMatchObject({ found: true, tried: 1000 });

    const controller = new AbortController();
    const progress: number[] = [];
    const result = await guessSecretKey(sign('never'), {
      words,
      builtIn: false,
      chunkSize: 100,
      signal: controller.signal,
      onProgress: (p) => {
        progress.push(p.tried);
        if (p.tried === 300) controller.abort();
      },
    });
    expect(result).toEqual({ found: false, tried: 300, total: 1000, reason: 'cancelled', untried: 700 });
    expect(progress).toEqual([100, 200, 300]);
  });

  it('answers any text with a result, never an exception', () => {
    let seed = 7;
    const rand = () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32);
    const alphabet = 'aZ09._-=. \u00f1\u{1F36A}\n';
    const chars = [...alphabet];
    for (let i = 0; i < 300; i++) {
      const text = Array.from({ length: Math.floor(rand() * 40) }, () => chars[Math.floor(rand() * chars.length)]).join('');
      const result = run(text, { words: ['a', 'b'], builtIn: false });
      expect(result.found).toBe(false);
      expect(['malformed', 'exhausted']).toContain((result as { reason: string }).reason);
    }
  });

  it('runs without Web Crypto, as in the sandbox worker', async () => {
    const bundle = await esbuild.build({
      entryPoints: [new URL('../../../playground/engine/actors/key-guesser.ts', import.meta.url).pathname],
      bundle: true,
      format: 'iife',
      globalName: 'guesser',
      write: false,
    });
    const cookie = sign('changeme');
    // A context with no `crypto` at all: the worker has getRandomValues but no crypto.subtle.
    const found = runInNewContext(
      `${bundle.outputFiles[0].text}; (() => { const s = guesser.guessSecretKeySteps(COOKIE); let r = s.next(); while (!r.done) r = s.next(); return r.value.key; })()`,
      { COOKIE: cookie, TextEncoder, TextDecoder, setTimeout },
    );
    expect(found).toBe('changeme');
  });
});
