import { compressToEncodedURIComponent } from 'lz-string';
import { describe, expect, it } from 'vitest';
import { PlaygroundController } from '../../playground/ui/controller.ts';
import { decodeShare, encodeShare, loadSaved, MAX_LINK_CHARS, save, storageKeys } from '../../playground/ui/persist.ts';
import { checkSnapshot, parseSnapshot } from '../../playground/ui/snapshot.ts';
import { FakeServer, MemoryStore, SEED } from './fake-server.ts';

async function busyController(storage = new MemoryStore()) {
  const pg = new PlaygroundController({ example: SEED, server: new FakeServer(), storage, startTime: 1_800_000_000 });
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
    expect(save(store, pg.snapshot())).toBe(true);
    const outcome = loadSaved(store, 'seed');
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
    store.setItem(storageKeys('seed').state, text);
    const outcome = loadSaved(store, 'seed');
    expect(outcome.kind).toBe('corrupt');
    expect(store.getItem(storageKeys('seed').corrupt)).toBe(text);
    expect(store.getItem(storageKeys('seed').state)).toBeNull();
  });

  it('the controller loads defaults after a corrupt save and shows a notice with the text', () => {
    const store = new MemoryStore();
    store.setItem(storageKeys('seed').state, 'garbage');
    const pg = new PlaygroundController({ example: SEED, server: new FakeServer(), storage: store });
    pg.restoreFrom({ kind: 'none' });
    expect(pg.code).toBe(SEED.code);
    expect(pg.notices).toEqual([{ kind: 'saved-corrupt', reason: 'not valid JSON', text: 'garbage' }]);
  });

  it('storage that throws is reported as unavailable', () => {
    const throwing = { getItem: () => { throw new Error('denied'); }, setItem: () => { throw new Error('denied'); }, removeItem: () => {} };
    expect(loadSaved(throwing, 'seed').kind).toBe('unavailable');
  });

  it('rebuilds settings from known fields only and drops bad values', () => {
    const pg = new PlaygroundController({ example: SEED, server: new FakeServer() });
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
    const pg = new PlaygroundController({ example: SEED, server: new FakeServer() });
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
    const other = new PlaygroundController({ example: SEED, server: new FakeServer() });
    other.restore(outcome, { kind: 'empty' });
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
    const before = store.getItem(storageKeys('seed').state);
    const pg = new PlaygroundController({ example: SEED, server: new FakeServer(), storage: store });
    pg.restoreFrom(decodeShare('#state=broken!'));
    expect(pg.notices[0].kind).toBe('link-broken');
    expect(pg.code).toBe('// edited by the reader');
    expect(store.getItem(storageKeys('seed').state)).toBe(before);
  });

  it('a valid link keeps the previous saved work aside before replacing it', async () => {
    const store = new MemoryStore();
    const mine = await busyController(store);
    mine.saveNow();
    const before = store.getItem(storageKeys('seed').state);
    const shared = new PlaygroundController({ example: SEED, server: new FakeServer() });
    shared.setCode('// from a friend');
    const pg = new PlaygroundController({ example: SEED, server: new FakeServer(), storage: store });
    pg.restoreFrom(decodeShare(encodeShare(shared.snapshot())));
    expect(pg.code).toBe('// from a friend');
    expect(pg.notices[0]).toEqual({ kind: 'link-restored', previousKeptAt: storageKeys('seed').beforeLink });
    expect(store.getItem(storageKeys('seed').beforeLink)).toBe(before);
  });

  it('a link for another example is refused with its id', () => {
    const shared = new PlaygroundController({ example: { ...SEED, id: 'cart' }, server: new FakeServer() });
    const pg = new PlaygroundController({ example: SEED, server: new FakeServer() });
    pg.restore(decodeShare(encodeShare(shared.snapshot())), { kind: 'empty' });
    expect(pg.notices).toEqual([{ kind: 'link-unknown-example', id: 'cart' }]);
    expect(pg.code).toBe(SEED.code);
  });
});
