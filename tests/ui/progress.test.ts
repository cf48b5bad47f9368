import { describe, expect, it } from 'vitest';
import { PROGRESS_KEY, lessonComplete, markCompleted, parseProgress, readProgress, resetProgress, serializeProgress } from '../../playground/ui/progress.ts';
import { lessonExercises } from '../../src/starlight/lesson-exercises.ts';
import { MemoryStore } from './fake-server.ts';

const asStorage = (store: MemoryStore) => store as unknown as Storage;

describe('learner progress', () => {
  it('is kept per language and survives a new read', () => {
    const store = new MemoryStore();
    expect(markCompleted(asStorage(store), 'es', 'counter', 1000)).toBe(true);
    const { progress } = readProgress(asStorage(store));
    expect(progress.es).toEqual({ counter: 1000 });
    expect(progress.en).toEqual({});
    expect(lessonComplete(progress, 'es', ['counter'])).toBe(true);
    expect(lessonComplete(progress, 'en', ['counter'])).toBe(false);
  });

  it('keeps the first time an exercise was completed', () => {
    const store = new MemoryStore();
    markCompleted(asStorage(store), 'en', 'cart', 1000);
    markCompleted(asStorage(store), 'en', 'cart', 2000);
    expect(readProgress(asStorage(store)).progress.en.cart).toBe(1000);
  });

  it('a lesson with several exercises needs all of them; a lesson with none is never complete', () => {
    const store = new MemoryStore();
    markCompleted(asStorage(store), 'es', 'cart', 1);
    const { progress } = readProgress(asStorage(store));
    expect(lessonComplete(progress, 'es', ['cart', 'counter'])).toBe(false);
    expect(lessonComplete(progress, 'es', [])).toBe(false);
  });

  it('reset forgets one language only', () => {
    const store = new MemoryStore();
    markCompleted(asStorage(store), 'es', 'cart', 1);
    markCompleted(asStorage(store), 'en', 'cart', 1);
    expect(resetProgress(asStorage(store), 'es')).toBe(true);
    const { progress } = readProgress(asStorage(store));
    expect(progress).toEqual({ es: {}, en: { cart: 1 } });
  });

  it.each([
    ['not JSON', '{"v":1,'],
    ['another format', JSON.stringify({ v: 2, done: { es: {} } })],
    ['a list', '[]'],
    ['a bad id', JSON.stringify({ v: 1, done: { es: { '../x': 1 } } })],
    ['a bad time', JSON.stringify({ v: 1, done: { es: { cart: 'yesterday' } } })],
    ['a prototype key', '{"v":1,"done":{"es":{"__proto__":1}}}'],
    ['too many entries', JSON.stringify({ v: 1, done: { es: Object.fromEntries(Array.from({ length: 501 }, (_, i) => [`e${i}`, 1])) } })],
    ['too long', JSON.stringify({ v: 1, done: { es: {} }, pad: 'x'.repeat(70_000) })],
  ])('an unreadable record (%s) is set aside, not applied and not lost', (_label, text) => {
    const store = new MemoryStore();
    store.setItem(PROGRESS_KEY, text);
    const read = readProgress(asStorage(store), 42);
    expect(read.progress).toEqual({ es: {}, en: {} });
    expect(read.setAside).toBe(`${PROGRESS_KEY}:unreadable:42`);
    expect(store.getItem(read.setAside!)).toBe(text);
    expect(store.getItem(PROGRESS_KEY)).toBeNull();
    // Progress starts afresh after that, and the kept copy stays.
    markCompleted(asStorage(store), 'es', 'cart', 43);
    expect(readProgress(asStorage(store)).setAside).toBeUndefined();
    expect(store.getItem(`${PROGRESS_KEY}:unreadable:42`)).toBe(text);
  });

  it('a blocked storage is reported, never thrown', () => {
    const blocked = {
      getItem() {
        throw new DOMException('denied', 'SecurityError');
      },
      setItem() {
        throw new DOMException('denied', 'SecurityError');
      },
    } as unknown as Storage;
    expect(readProgress(blocked).available).toBe(false);
    expect(markCompleted(blocked, 'es', 'cart')).toBe(false);
    expect(readProgress(null).available).toBe(false);
  });

  it('a full storage keeps the record and says it could not be kept', () => {
    const store = new MemoryStore();
    const full = Object.assign(Object.create(store), { setItem: () => { throw new DOMException('full', 'QuotaExceededError'); } });
    full.getItem = store.getItem.bind(store);
    expect(markCompleted(full as Storage, 'es', 'cart')).toBe(false);
  });

  it('serializes to what it parses', () => {
    const progress = { es: { cart: 5 }, en: { counter: 6 } };
    expect(parseProgress(serializeProgress(progress))).toEqual(progress);
  });
});

describe('which exercises each lesson holds', () => {
  it('maps lesson paths in both languages to examples with checks', () => {
    for (const lang of ['es', 'en'] as const) {
      const lessons = lessonExercises(lang);
      const paths = Object.keys(lessons);
      expect(paths.length).toBeGreaterThan(0);
      for (const path of paths) expect(path).toMatch(lang === 'en' ? /^\/en\/.+\/$/ : /^\/(?!en\/).+\/$/);
      // The cart lessons hold the cart exercise in both languages.
      expect(lessons[lang === 'en' ? '/en/guide/when-is-it-saved/' : '/guide/when-is-it-saved/']).toContain('cart');
      // The full playground page is not a lesson.
      expect(paths.some((p) => p.includes('playground'))).toBe(false);
    }
  });
});
