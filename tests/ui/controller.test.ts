import { describe, expect, it } from 'vitest';
import { PlaygroundController } from '../../playground/ui/controller.ts';
import type { ExampleDef } from '../../playground/ui/model.ts';
import { legacyKeys } from '../../playground/ui/persist.ts';
import type { KeyValueStore } from '../../playground/ui/persist.ts';
import { decideStart } from '../../playground/ui/start-state.ts';
import type { Lang } from '../../playground/ui/strings.ts';
import { FakeServer, MemoryStore, readPayload, SEED } from './fake-server.ts';

/** What the page decides for a lesson of `example` with nothing in the address bar. */
const begin = (example: ExampleDef, lang: Lang, storage: KeyValueStore | null, hash = '') =>
  decideStart({ examples: [example], initial: example.id, mode: 'lesson', lang, search: '', hash, storage, linkAllowed: true });

const manualTimers = () => {
  const pending = new Map<number, () => void>();
  let next = 1;
  return {
    pending,
    set: (fn: () => void) => {
      pending.set(next, fn);
      return next++;
    },
    clear: (h: unknown) => void pending.delete(h as number),
    flush: () => {
      const fns = [...pending.values()];
      pending.clear();
      for (const fn of fns) fn();
    },
  };
};

function make(example: ExampleDef = SEED, server = new FakeServer()) {
  const timers = manualTimers();
  const storage = new MemoryStore();
  const pg = new PlaygroundController({ example, lang: 'es', server, storage, timers, startTime: 1_800_000_000 });
  return { pg, server, storage, timers };
}

const ids = (pg: PlaygroundController) => pg.users.map((u) => u.id);

describe('PlaygroundController: users and requests', () => {
  it('starts with the example users, the first one selected', () => {
    const { pg } = make();
    expect(pg.users.map((u) => u.name)).toEqual(['Ana', 'Bruno']);
    expect(pg.selected.name).toBe('Ana');
    expect(pg.request).toEqual({ method: 'GET', path: '/', body: '' });
  });

  it("runs the seed flow for two users whose sessions stay independent", async () => {
    const { pg, server } = make();
    const [ana, bruno] = ids(pg);
    await pg.send({ path: '/' }, ana);
    expect(pg.cookies(ana).map((c) => c.name)).toEqual(['session']);
    expect(pg.cookies(bruno)).toEqual([]);
    expect(pg.lastChanges.get(ana)?.map((c) => c.kind)).toEqual(['added']);

    const anaProfile = await pg.send({ path: '/perfil' }, ana);
    const brunoProfile = await pg.send({ path: '/perfil' }, bruno);
    expect(anaProfile?.kind === 'exchange' && anaProfile.exchange.response.body).toBe('Bienvenido, ejemplo_usuario!');
    expect(brunoProfile?.kind === 'exchange' && brunoProfile.exchange.response.body).toBe('No has iniciado sesión.');
    // Reading sends nothing back: the jar did not change.
    expect(pg.lastChanges.get(ana)).toEqual([]);

    await pg.send({ path: '/logout' }, ana);
    expect(pg.cookies(ana)).toEqual([]);
    expect(pg.lastChanges.get(ana)?.map((c) => c.kind)).toEqual(['deleted']);
    expect(pg.timelines.get(ana)?.length).toBe(3);
    expect(pg.timelines.get(bruno)?.length).toBe(1);
    expect(server.requests.map((r) => r.req.method)).toEqual(['GET', 'GET', 'GET', 'GET']);
  });

  it('sends a form body only for methods that carry one', async () => {
    const { pg, server } = make();
    pg.setRequest({ method: 'POST', path: '/login', body: 'username=ana' });
    await pg.send();
    expect(server.requests[0].req.body).toBe('username=ana');
    await pg.send({ method: 'GET' });
    expect(server.requests[1].req.body).toBeUndefined();
  });

  it('adds and removes users, never removing the last one', () => {
    const { pg } = make();
    const carla = pg.addUser();
    expect(carla?.name).toBe('Carla');
    expect(pg.selectedId).toBe(carla?.id);
    pg.removeUser(carla!.id);
    expect(pg.users.map((u) => u.name)).toEqual(['Ana', 'Bruno']);
    expect(pg.selected.name).toBe('Bruno');
    pg.removeUser(pg.users[0].id);
    pg.removeUser(pg.users[0].id);
    expect(pg.users.length).toBe(1);
  });

  it('records a stopped request without touching the jars', async () => {
    const { pg, server } = make();
    await pg.send({ path: '/' });
    const before = pg.cookies();
    server.options.hang = true;
    const entry = await pg.send({ path: '/' });
    expect(entry?.kind).toBe('failed');
    expect(entry?.kind === 'failed' && entry.error.kind).toBe('timeout');
    expect(pg.cookies()).toEqual(before);
  });
});

describe('PlaygroundController: attacks and maintenance', () => {
  it('a payload edited by hand keeps the old signature, so the server sees an empty session', async () => {
    const { pg, server } = make();
    await pg.send({ path: '/' });
    const cookie = pg.cookies()[0];
    const change = pg.editPayload(pg.selectedId, cookie, '{"username": "admin"}');
    expect(change?.kind).toBe('changed');
    expect(readPayload(pg.cookies()[0].value)).toEqual({ username: 'admin' });
    const reply = await pg.send({ path: '/perfil' });
    expect(server.requests.at(-1)?.seen).toEqual({});
    expect(reply?.kind === 'exchange' && reply.exchange.response.body).toBe('No has iniciado sesión.');
  });

  it('copying a cookie to another user hands over the session (hijacking)', async () => {
    const { pg } = make();
    const [ana, bruno] = ids(pg);
    await pg.send({ path: '/' }, ana);
    pg.copyCookie(ana, bruno, pg.cookies(ana)[0]);
    const reply = await pg.send({ path: '/perfil' }, bruno);
    expect(reply?.kind === 'exchange' && reply.exchange.response.body).toBe('Bienvenido, ejemplo_usuario!');
  });

  it('a new secret key invalidates sessions; rotation keeps the old key as a fallback', async () => {
    const { pg, server } = make();
    await pg.send({ path: '/' });
    pg.rotateKey('otra_clave');
    expect(pg.settings.SECRET_KEY_FALLBACKS).toEqual(['tu_clave_secreta_aqui']);
    await pg.send({ path: '/perfil' });
    expect(server.requests.at(-1)?.seen).toEqual({ username: 'ejemplo_usuario' });
    pg.setSettings({ SECRET_KEY: 'tercera', SECRET_KEY_FALLBACKS: [] });
    await pg.send({ path: '/perfil' });
    expect(server.requests.at(-1)?.seen).toEqual({});
  });

  it('advancing the clock evicts expired cookies and reports them per user', () => {
    const { pg } = make();
    const [ana] = ids(pg);
    const now = pg.clock.now();
    pg.user(ana)!.jar.set({ name: 'short', value: '1', domain: 'localhost', expires: now + 3600 }, now);
    pg.user(ana)!.jar.set({ name: 'long', value: '1', domain: 'localhost', expires: now + 86400 * 40 }, now);
    expect(pg.advanceClock(60)).toEqual([]);
    const expired = pg.advanceClock(3600);
    expect(expired.map((e) => [e.user, e.change.name, e.change.kind])).toEqual([['Ana', 'short', 'expired']]);
    expect(pg.cookies(ana).map((c) => c.name)).toEqual(['long']);
    expect(pg.clock.offset()).toBe(3660);
  });

  it('closing the browser drops session cookies and keeps persistent ones', async () => {
    const { pg } = make();
    await pg.send({ path: '/' });
    const now = pg.clock.now();
    pg.selected.jar.set({ name: 'remember', value: 'x', domain: 'localhost', expires: now + 1000 }, now);
    const changes = pg.closeBrowser();
    expect(changes.map((c) => c.name)).toEqual(['session']);
    expect(pg.cookies().map((c) => c.name)).toEqual(['remember']);
  });

  it('deleting a cookie by hand reports it', async () => {
    const { pg } = make();
    await pg.send({ path: '/' });
    const changes = pg.deleteCookie(pg.selectedId, pg.cookies()[0]);
    expect(changes.map((c) => c.kind)).toEqual(['deleted']);
    expect(pg.cookies()).toEqual([]);
  });
});

describe('PlaygroundController: code, loading and saving', () => {
  it('re-evaluates after an edit (debounced) and keeps the jars', async () => {
    const { pg, server, timers } = make();
    await pg.send({ path: '/' });
    pg.setCode('a');
    pg.setCode('ab');
    expect(server.loads).toEqual([]);
    timers.flush();
    await Promise.resolve();
    await new Promise((r) => setTimeout(r, 0));
    expect(server.loads).toEqual(['ab']);
    expect(pg.load.status).toBe('ok');
    expect(pg.cookies().length).toBe(1);
  });

  it('a failed load keeps the routes of the last working version', async () => {
    const { pg, server } = make();
    await pg.loadCode();
    expect(pg.routes.length).toBe(3);
    server.options.loadResult = { ok: false, error: { kind: 'syntax', message: 'Unexpected token', line: 3, column: 5 }, logs: [] };
    pg.setCode('broken(');
    await pg.loadCode();
    expect(pg.load.status).toBe('error');
    expect(pg.routes.length).toBe(3);
  });

  it('saves to storage and a new controller restores code, users, jars and clock', async () => {
    const { pg, storage } = make();
    await pg.send({ path: '/' });
    pg.setCode('// mine');
    pg.addUser('Zoe');
    pg.advanceClock(120);
    pg.saveNow();
    const again = new PlaygroundController({ example: SEED, lang: 'es', server: new FakeServer(), storage, startTime: 1 });
    again.start(begin(SEED, 'es', storage));
    expect(again.code).toBe('// mine');
    expect(again.users.map((u) => u.name)).toEqual(['Ana', 'Bruno', 'Zoe']);
    expect(again.cookies(again.users[0].id).map((c) => c.name)).toEqual(['session']);
    expect(again.clock.offset()).toBe(120);
    expect(again.timelines.get(again.users[0].id)?.length).toBe(1);
  });

  it('reset goes back to the example and clears the saved state', async () => {
    const { pg, storage } = make();
    await pg.send({ path: '/' });
    pg.setCode('// mine');
    pg.saveNow();
    pg.reset();
    expect(pg.code).toBe(SEED.code);
    expect(pg.cookies()).toEqual([]);
    expect([...storage.map.keys()]).toEqual([]);
  });

  it('the config sent to the server merges example config and settings', () => {
    const { pg } = make({ ...SEED, config: { SECRET_KEY: 'k', EXTRA: 1 } });
    pg.setSettings({ SESSION_COOKIE_SECURE: true });
    expect(pg.serverConfig()).toMatchObject({ SECRET_KEY: 'k', EXTRA: 1, SESSION_COOKIE_SECURE: true, SESSION_COOKIE_NAME: 'session' });
  });
});

describe('PlaygroundController: saved work is kept per example AND language', () => {
  const ENGLISH: ExampleDef = { ...SEED, code: SEED.code.replace('No has iniciado sesión.', 'You are not logged in.') };
  const english = (storage: MemoryStore) => {
    const pg = new PlaygroundController({ example: ENGLISH, lang: 'en', server: new FakeServer(), storage, timers: manualTimers(), startTime: 1_800_000_000 });
    pg.start(begin(ENGLISH, 'en', storage));
    return pg;
  };

  it("Spanish work never answers on the English page, and stays for the Spanish one", () => {
    const spanish = make(SEED);
    spanish.pg.setCode(SEED.code + '\n// mi cambio');
    spanish.pg.saveNow();
    expect(english(spanish.storage).code).toBe(ENGLISH.code);
    const again = new PlaygroundController({ example: SEED, lang: 'es', server: new FakeServer(), storage: spanish.storage });
    again.start(begin(SEED, 'es', spanish.storage));
    expect(again.code).toBe(SEED.code + '\n// mi cambio');
  });

  it('work saved by the old per-example format is set aside in both languages with a message, never applied', () => {
    const storage = new MemoryStore();
    const old = make(SEED);
    old.pg.setCode('// trabajo antiguo');
    const text = JSON.stringify(old.pg.snapshot());
    storage.setItem(legacyKeys('seed')[0], text);
    const en = english(storage);
    expect(en.code).toBe(ENGLISH.code);
    expect(en.notices).toEqual([{ kind: 'legacy-aside', count: 1 }]);
    expect(en.earlierVersions().map((e) => [e.why, e.text])).toEqual([['legacy', text]]);
    expect(storage.getItem(legacyKeys('seed')[0])).toBeNull();
    // The Spanish page finds it among its earlier versions too, and can bring it back.
    const es = new PlaygroundController({ example: SEED, lang: 'es', server: new FakeServer(), storage });
    es.start(begin(SEED, 'es', storage));
    expect(es.code).toBe(SEED.code);
    expect(es.restoreEarlier(es.earlierVersions()[0].at)).toBe(true);
    expect(es.code).toBe('// trabajo antiguo');
  });
});

describe('PlaygroundController: a Cookie header too large to send', () => {
  it('is not sent, and the failure says which header, how large, and what to do', async () => {
    const { pg, server } = make();
    const now = pg.clock.now();
    for (let i = 0; i < 20; i++) pg.selected.jar.set({ name: `big${i}`, value: 'x'.repeat(4000), domain: 'localhost', path: '/', expires: now + 3600 }, now);
    const before = server.requests.length;
    const entry = await pg.send({ path: '/' });
    expect(entry).toMatchObject({ kind: 'failed', error: { kind: 'cookie-header-too-large' } });
    expect(entry?.kind === 'failed' && Number(entry.error.message)).toBeGreaterThan(64);
    expect(server.requests.length).toBe(before);
    // Deleting cookies brings requests back.
    for (let i = 0; i < 20; i++) pg.selected.jar.remove(`big${i}`, 'localhost', '/');
    expect((await pg.send({ path: '/' }))?.kind).toBe('exchange');
  });
});
