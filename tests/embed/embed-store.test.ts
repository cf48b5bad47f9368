/**
 * An embed's storage (playground/ui/embed-store.ts): its own key space beside the full site's, and
 * the current state mirrored into the frame's address, read back by the same start-up decision.
 */
import { describe, expect, it } from 'vitest';
import { PlaygroundController } from '../../playground/ui/controller.ts';
import { EMBED_KEY_PREFIX, embedStore } from '../../playground/ui/embed-store.ts';
import { decodeShare, encodeShare, MAX_LINK_CHARS, save, storageKeys } from '../../playground/ui/persist.ts';
import { decideStart } from '../../playground/ui/start-state.ts';
import { FakeServer, MemoryStore, SEED } from '../ui/fake-server.ts';

function setUp(storage: MemoryStore | null, base = '') {
  const hashes: string[] = [];
  const store = embedStore({ storage, example: SEED.id, lang: 'en', writeHash: (h) => hashes.push(h), base });
  const start = (hash: string, hashIsOwn = false) => {
    const state = decideStart({ examples: [SEED], initial: SEED.id, mode: 'embed', lang: 'en', search: '', hash, storage: store, linkAllowed: true, hashIsOwn, base });
    const c = new PlaygroundController({ example: SEED, lang: 'en', server: new FakeServer(), storage: store, saveDelay: 0 });
    c.start(state);
    c.commitStart();
    return { c, state };
  };
  return { store, hashes, start };
}

describe('embedStore', () => {
  it('saves in its own key space: the full site\'s saved work for the same example is never touched', () => {
    const local = new MemoryStore();
    const site = new PlaygroundController({ example: SEED, lang: 'en', server: new FakeServer(), storage: local });
    site.setCode('// my work on the site');
    site.saveNow();
    const siteKey = storageKeys(SEED.id, 'en').state;
    const before = local.getItem(siteKey);

    const { start } = setUp(local);
    const { c } = start('');
    expect(c.code).toBe(SEED.code);
    c.setCode('// edited inside a course');
    c.saveNow();
    expect(JSON.parse(local.getItem(EMBED_KEY_PREFIX + siteKey)!).code).toBe('// edited inside a course');
    // What a host's reset does, through the controller.
    c.reset();
    expect(local.getItem(EMBED_KEY_PREFIX + siteKey)).toBeNull();
    expect(local.getItem(siteKey)).toBe(before);
  });

  it('keeps the current state in the frame\'s address, which the next load reads back without a "restored" notice', () => {
    const { hashes, start } = setUp(new MemoryStore());
    const { c } = start('');
    c.setCode('// kept in the address');
    c.saveNow();
    const hash = hashes.at(-1)!;
    expect(hash.startsWith('#state=')).toBe(true);
    const link = decodeShare(hash);
    expect(link.kind === 'ok' && link.snapshot.code).toBe('// kept in the address');

    // A reload of the frame: the address is its own, the reader's latest work.
    const again = start(hash, true);
    expect(again.state).toMatchObject({ source: 'saved', tookLink: true });
    expect(again.state.notices).toEqual([]);
    expect(again.c.code).toBe('// kept in the address');
    // Reset clears the address too: a reload then starts from the example.
    again.c.reset();
    expect(hashes.at(-1)).toBe('');
  });

  it('with no storage at all (a third-party frame), saving still works for the frame and nothing warns of lost work', () => {
    const { store, hashes, start } = setUp(null);
    expect(store.durable).toBe(false);
    const { c, state } = start('');
    expect(state.notices).toEqual([]);
    c.setCode('// no storage here');
    c.saveNow();
    expect(c.notices.map((n) => n.kind)).not.toContain('storage-unavailable');
    const again = start(hashes.at(-1)!, true);
    expect(again.c.code).toBe('// no storage here');
  });

  it('clears the address when the state is too big for a link, so a stale one never wins over newer work', () => {
    const { store, hashes } = setUp(new MemoryStore());
    // Random text does not compress: well over the link limit once encoded.
    let code = '';
    while (code.length < MAX_LINK_CHARS * 2) code += Math.random().toString(36).slice(2);
    const c = new PlaygroundController({ example: SEED, lang: 'en', server: new FakeServer() });
    c.setCode(code);
    expect(save(store, c.snapshot(), 'en')).toBe('saved');
    expect(hashes.at(-1)).toBe('');
    c.dispose();
  });

  it('a hostile address is refused by the same checks as any share link, and the reader is told', () => {
    const { start } = setUp(new MemoryStore());
    const { c, state } = start('#state=<img src=x onerror=alert(1)>');
    expect(state.source).toBe('example');
    expect(state.notices.map((n) => n.kind)).toEqual(['link-broken']);
    expect(c.code).toBe(SEED.code);
  });

  it("an author's embed: the reader's work on it comes back on the next visit, apart from other embeds of the example", () => {
    const local = new MemoryStore();
    const author = (code: string) => {
      const c = new PlaygroundController({ example: SEED, lang: 'en', server: new FakeServer() });
      c.setCode(code);
      c.dispose();
      return encodeShare(c.snapshot());
    };
    const course1 = author('// course 1');
    const course2 = author('// course 2');

    // First visit to course 1: the author's state, no notice.
    const first = setUp(local, course1).start(course1);
    expect(first.state).toMatchObject({ source: 'link', notices: [] });
    expect(first.c.code).toBe('// course 1');
    first.c.setCode('// the reader, in course 1');
    first.c.saveNow();

    // Next visit (a fresh load of the same snippet): the reader's work, not the author's start.
    const back = setUp(local, course1).start(course1);
    expect(back.state.source).toBe('saved');
    expect(back.c.code).toBe('// the reader, in course 1');
    // Another course's embed of the same example, and the built-in embed, start clean.
    expect(setUp(local, course2).start(course2).c.code).toBe('// course 2');
    expect(setUp(local).start('').c.code).toBe(SEED.code);
    expect([...local.map.keys()].every((k) => k.startsWith(EMBED_KEY_PREFIX))).toBe(true);
  });

  it("an author's embed: Reset goes back to the author's state, also after a reload, and a built-in embed to the example", () => {
    const local = new MemoryStore();
    const authorCode = '// the author\'s starting code';
    const c0 = new PlaygroundController({ example: SEED, lang: 'en', server: new FakeServer() });
    c0.setCode(authorCode);
    c0.setSettings({ SESSION_COOKIE_NAME: 'course' });
    c0.dispose();
    const base = encodeShare(c0.snapshot());

    const embed = setUp(local, base);
    const { c, state } = embed.start(base);
    expect(state.startingPoint?.code).toBe(authorCode);
    c.setCode('// the reader');
    c.setSettings({ SESSION_COOKIE_NAME: 'reader' });
    c.saveNow();
    c.reset();
    expect(c.code).toBe(authorCode);
    expect(c.settings.SESSION_COOKIE_NAME).toBe('course');
    // Reset cleared the reader's work and the frame's address (the hash is '').
    expect(embed.hashes.at(-1)).toBe('');
    const reloaded = embed.start('', true);
    expect(reloaded.state).toMatchObject({ source: 'example', notices: [] });
    expect(reloaded.c.code).toBe(authorCode);
    expect(reloaded.c.settings.SESSION_COOKIE_NAME).toBe('course');

    const builtIn = setUp(local).start('');
    expect(builtIn.state.startingPoint).toBeNull();
    builtIn.c.setCode('// the reader');
    builtIn.c.reset();
    expect(builtIn.c.code).toBe(SEED.code);
  });

  it("a base for another example is no starting point", () => {
    const other = { ...SEED, id: 'other' };
    const c0 = new PlaygroundController({ example: other, lang: 'en', server: new FakeServer() });
    c0.setCode('// elsewhere');
    c0.dispose();
    const { state } = setUp(new MemoryStore(), encodeShare(c0.snapshot())).start('', true);
    expect(state.startingPoint).toBeNull();
  });
});
