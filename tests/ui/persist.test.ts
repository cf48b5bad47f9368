import { compressToEncodedURIComponent } from 'lz-string';
import { describe, expect, it } from 'vitest';
import { PlaygroundController } from '../../playground/ui/controller.ts';
import { decodeShare, encodeShare, loadSaved, MAX_ASIDE, MAX_LINK_CHARS, readAside, save, SAVE_LIMIT_CHARS, storageKeys } from '../../playground/ui/persist.ts';
import type { KeyValueStore } from '../../playground/ui/persist.ts';
import { decideStart } from '../../playground/ui/start-state.ts';
import { checkSnapshot, parseSnapshot } from '../../playground/ui/snapshot.ts';
import { FakeServer, MemoryStore, SEED } from './fake-server.ts';

/** A lesson's start: the page's link (if any), else saved work, else the example. */
const begin = (storage: KeyValueStore | null, hash = '', example = SEED) =>
  decideStart({ examples: [example], initial: example.id, mode: 'lesson', lang: 'es', search: '', hash, storage, linkAllowed: true });
const controller = (storage: KeyValueStore | null = null, example = SEED) => new PlaygroundController({ example, lang: 'es', server: new FakeServer(), storage });

async function busyController(storage = new MemoryStore()) {
  const pg = new PlaygroundController({ example: SEED, lang: 'es', server: new FakeServer(), storage, startTime: 1_800_000_000 });
  await pg.send({ path: '/' });
  pg.setCode('// edited by the reader');
  pg.setSettings({ SESSION_COOKIE_SAMESITE: 'Strict', SECRET_KEY: 'mi clave' });
  pg.advanceClock(3600);
  pg.dispose();
  return pg;
}

describe('saved state', () => {
  it('round-trips through storage', async () => {
    const store = new MemoryStore();
    const pg = await busyController(store);
    expect(save(store, pg.snapshot(), 'es')).toBe('saved');
    const outcome = loadSaved(store, 'seed', 'es');
    expect(outcome.kind).toBe('ok');
    if (outcome.kind === 'ok') expect(outcome.snapshot).toEqual(pg.snapshot());
  });

  it.each([
    ['not JSON', '{"v":1,'],
    ['wrong version', JSON.stringify({ v: 99 })],
    ['a number', '42'],
    ['users not a list', JSON.stringify({ v: 1, example: 'seed', code: '', users: 'Ana', clock: { start: 1, now: 1 } })],
    ['a broken jar', JSON.stringify({ v: 1, example: 'seed', code: '', users: [{ id: 'u1', name: 'Ana', jar: { cookies: 7 }, history: [] }], clock: { start: 1, now: 1 } })],
    ['a broken clock', JSON.stringify({ v: 1, example: 'seed', code: '', users: [{ id: 'u1', name: 'Ana', jar: { version: 1, cookies: [] }, history: [] }], clock: { start: 'x' } })],
  ])('a corrupt save (%s) is kept aside and reported, never thrown', (_label, text) => {
    const store = new MemoryStore();
    store.setItem(storageKeys('seed', 'es').state, text);
    const outcome = loadSaved(store, 'seed', 'es');
    expect(outcome.kind).toBe('corrupt');
    expect(readAside(store, 'seed', 'es').map((e) => [e.why, e.text])).toEqual([['corrupt', text]]);
    expect(store.getItem(storageKeys('seed', 'es').state)).toBeNull();
  });

  it('the controller loads defaults after a corrupt save and shows a notice with the text', () => {
    const store = new MemoryStore();
    store.setItem(storageKeys('seed', 'es').state, 'garbage');
    const pg = controller(store);
    pg.start(begin(store));
    expect(pg.code).toBe(SEED.code);
    expect(pg.notices).toEqual([{ kind: 'saved-corrupt', reason: 'not valid JSON', text: 'garbage' }]);
  });

  it('storage that throws is reported as unavailable', () => {
    const throwing = { getItem: () => { throw new Error('denied'); }, setItem: () => { throw new Error('denied'); }, removeItem: () => {} };
    expect(loadSaved(throwing, 'seed', 'es').kind).toBe('unavailable');
  });

  it('rebuilds settings from known fields only and drops bad values', () => {
    const pg = controller();
    const s = { ...pg.snapshot(), settings: { SECRET_KEY: 5, SESSION_COOKIE_NAME: 'bad name;', SESSION_COOKIE_HTTPONLY: false, EVIL: 1 } };
    const checked = checkSnapshot(JSON.parse(JSON.stringify(s)));
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    expect(checked.value.settings.SECRET_KEY).toBe('tu_clave_secreta_aqui');
    expect(checked.value.settings.SESSION_COOKIE_NAME).toBe('session');
    expect(checked.value.settings.SESSION_COOKIE_HTTPONLY).toBe(false);
    expect('EVIL' in checked.value.settings).toBe(false);
  });

  it('an own __proto__ key in saved data does not pollute prototypes', () => {
    const pg = controller();
    const text = JSON.stringify(pg.snapshot()).replace('"settings":{', '"settings":{"__proto__":{"polluted":true},');
    const checked = parseSnapshot(text);
    expect(checked.ok).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('share links', () => {
  it('round-trip code, settings, users, jars and clock', async () => {
    const pg = await busyController();
    const hash = encodeShare(pg.snapshot());
    expect(hash.startsWith('#state=')).toBe(true);
    const outcome = decodeShare(hash);
    expect(outcome.kind).toBe('ok');
    if (outcome.kind !== 'ok') return;
    const other = controller();
    other.start(begin(null, hash));
    expect(other.code).toBe('// edited by the reader');
    expect(other.settings.SECRET_KEY).toBe('mi clave');
    expect(other.settings.SESSION_COOKIE_SAMESITE).toBe('Strict');
    expect(other.cookies(other.users[0].id)).toEqual(pg.cookies(pg.users[0].id));
    expect(other.clock.toJSON()).toEqual(pg.clock.toJSON());
  });

  it.each([
    ['garbage', '#state=%%%%'],
    ['not compressed', '#state=hello'],
    ['empty', '#state='],
    ['too long', '#state=' + 'A'.repeat(MAX_LINK_CHARS + 1)],
    ['valid lz of invalid state', '#state=' + compressToEncodedURIComponent('{"v":1}')],
  ])('a broken link (%s) is reported', (_label, hash) => {
    expect(decodeShare(hash).kind).toBe('broken');
  });

  it('a truncated link is reported', async () => {
    const hash = encodeShare((await busyController()).snapshot());
    expect(decodeShare(hash.slice(0, Math.floor(hash.length / 2))).kind).toBe('broken');
  });

  it('other hashes are not links', () => {
    expect(decodeShare('#cookies').kind).toBe('none');
    expect(decodeShare('').kind).toBe('none');
  });

  it("a broken link leaves the reader's saved work untouched", async () => {
    const store = new MemoryStore();
    const mine = await busyController(store);
    mine.saveNow();
    const before = store.getItem(storageKeys('seed', 'es').state);
    const pg = controller(store);
    pg.start(begin(store, '#state=broken!'));
    pg.commitStart();
    expect(pg.notices[0].kind).toBe('link-broken');
    expect(pg.code).toBe('// edited by the reader');
    expect(store.getItem(storageKeys('seed', 'es').state)).toBe(before);
  });

  it('a valid link is kept only once drawn, and the work it replaces goes aside, restorable in the same visit', async () => {
    const store = new MemoryStore();
    const mine = await busyController(store);
    mine.saveNow();
    const before = store.getItem(storageKeys('seed', 'es').state)!;
    const shared = controller();
    shared.setCode('// from a friend');
    const pg = controller(store);
    pg.start(begin(store, encodeShare(shared.snapshot())));
    expect(pg.code).toBe('// from a friend');
    expect(pg.notices).toEqual([{ kind: 'link-restored' }]);
    // Not drawn yet: nothing written, and a save (page hidden) must not write the link either.
    pg.saveNow();
    expect(store.getItem(storageKeys('seed', 'es').state)).toBe(before);
    pg.commitStart();
    expect(readAside(store, 'seed', 'es').map((e) => [e.why, e.text])).toEqual([['link', before]]);
    expect(JSON.parse(store.getItem(storageKeys('seed', 'es').state)!).code).toBe('// from a friend');
    // "Restore my previous work": in place, and the link's state goes aside in its turn.
    expect(pg.restoreEarlier(pg.earlierVersions()[0].at)).toBe(true);
    expect(pg.code).toBe('// edited by the reader');
    expect(JSON.parse(store.getItem(storageKeys('seed', 'es').state)!).code).toBe('// edited by the reader');
    expect(readAside(store, 'seed', 'es').map((e) => e.why)).toEqual(['replaced']);
  });

  it('a second link does not overwrite what the first one put aside', async () => {
    const store = new MemoryStore();
    const mine = await busyController(store);
    mine.saveNow();
    for (const code of ['// first link', '// second link']) {
      const shared = controller();
      shared.setCode(code);
      const pg = controller(store);
      pg.start(begin(store, encodeShare(shared.snapshot())));
      pg.commitStart();
    }
    const kept = readAside(store, 'seed', 'es').map((e) => JSON.parse(e.text).code);
    expect(kept).toEqual(['// first link', '// edited by the reader']);
  });

  it(`keeps at most ${MAX_ASIDE} earlier versions, dropping the oldest`, () => {
    const store = new MemoryStore();
    for (let i = 0; i < MAX_ASIDE + 2; i++) {
      const shared = controller();
      shared.setCode(`// link ${i}`);
      const pg = controller(store);
      pg.start(begin(store, encodeShare(shared.snapshot())));
      pg.commitStart();
    }
    const kept = readAside(store, 'seed', 'es').map((e) => JSON.parse(e.text).code);
    expect(kept).toHaveLength(MAX_ASIDE);
    expect(kept[0]).toBe(`// link ${MAX_ASIDE}`);
  });

  it('a link for another example is refused with its id', () => {
    const shared = controller(null, { ...SEED, id: 'cart' });
    const pg = controller();
    const state = decideStart({ examples: [SEED], initial: 'seed', mode: 'full', lang: 'es', search: '', hash: encodeShare(shared.snapshot()), storage: null, linkAllowed: true });
    pg.start(state);
    expect(pg.notices).toEqual([{ kind: 'link-unknown-example', id: 'cart' }, { kind: 'storage-unavailable' }]);
    expect(pg.code).toBe(SEED.code);
  });
});

describe('saving within bounds', () => {
  it('a state too large to read back is saved with its history trimmed, code and settings intact', async () => {
    const store = new MemoryStore();
    const pg = await busyController(store);
    const big = { ...pg.snapshot() };
    const huge = 'x'.repeat(20_000);
    const first = big.users[0].history[0];
    const history = Array.from({ length: 30 }, (_, i) => ({ ...structuredClone(first), seq: i + 1, response: { ...first.response, body: huge } }));
    big.users = [{ ...big.users[0], history }, ...big.users.slice(1)];
    expect(JSON.stringify(big).length).toBeGreaterThan(SAVE_LIMIT_CHARS);
    expect(save(store, big, 'es')).toBe('trimmed');
    const text = store.getItem(storageKeys('seed', 'es').state)!;
    expect(text.length).toBeLessThanOrEqual(SAVE_LIMIT_CHARS);
    const back = loadSaved(store, 'seed', 'es');
    expect(back.kind === 'ok' && back.snapshot.code).toBe('// edited by the reader');
    expect(back.kind === 'ok' && back.snapshot.users[0].history.length).toBe(5);
  });

  it('a full storage keeps the code: the controller says so once', async () => {
    const store = new MemoryStore();
    const pg = await busyController(store);
    let room = 3_000;
    const tight: KeyValueStore = {
      getItem: (k) => store.getItem(k),
      removeItem: (k) => store.removeItem(k),
      setItem: (k, v) => {
        if (v.length > room) throw new DOMException('full', 'QuotaExceededError');
        store.setItem(k, v);
      },
    };
    const full = new PlaygroundController({ example: SEED, lang: 'es', server: new FakeServer(), storage: tight, startTime: 1_800_000_000 });
    full.start(begin(null));
    full.notices = [];
    full.applySnapshot(pg.snapshot());
    for (let i = 0; i < 5; i++) await full.send({ path: '/' });
    room = JSON.stringify({ ...full.snapshot(), users: full.snapshot().users.map((u) => ({ ...u, history: [] })) }).length + 10;
    full.saveNow();
    full.saveNow();
    expect(full.notices).toEqual([{ kind: 'storage-trimmed' }]);
    const back = loadSaved(store, 'seed', 'es');
    expect(back.kind === 'ok' && back.snapshot.code).toBe('// edited by the reader');
  });

  it('a link that expands past the size limit is refused before it is expanded', () => {
    const bomb = '#state=' + compressToEncodedURIComponent('{"v":1,"code":"' + 'a'.repeat(1_100_000) + '"}');
    expect(bomb.length).toBeLessThan(MAX_LINK_CHARS);
    expect(decodeShare(bomb)).toEqual({ kind: 'broken', reason: 'too large' });
  }, 90_000);
});
