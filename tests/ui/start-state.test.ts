import { describe, expect, it } from 'vitest';
import type { ExampleDef } from '../../playground/ui/model.ts';
import { encodeShare, save, storageKeys } from '../../playground/ui/persist.ts';
import { PlaygroundController } from '../../playground/ui/controller.ts';
import { decideStart } from '../../playground/ui/start-state.ts';
import type { StartInput } from '../../playground/ui/start-state.ts';
import { FakeServer, MemoryStore, SEED } from './fake-server.ts';

const COUNTER: ExampleDef = { ...SEED, id: 'counter', code: '// counter' };
const EXAMPLES = [SEED, COUNTER];
const input = (over: Partial<StartInput>): StartInput => ({ examples: EXAMPLES, initial: 'seed', mode: 'full', lang: 'en', search: '', hash: '', storage: new MemoryStore(), linkAllowed: true, ...over });
const linkFor = (example: ExampleDef, code: string) => {
  const c = new PlaygroundController({ example, lang: 'en', server: new FakeServer() });
  c.setCode(code);
  c.dispose();
  return encodeShare(c.snapshot());
};

describe('decideStart: one decision for every surface', () => {
  it('full page: the picker over ?example=, ?example= over the first example', () => {
    expect(decideStart(input({})).example.id).toBe('seed');
    expect(decideStart(input({ search: '?example=counter' })).example.id).toBe('counter');
    expect(decideStart(input({ search: '?example=counter', asked: 'seed' })).example.id).toBe('seed');
    expect(decideStart(input({ search: '?example=nope' })).example.id).toBe('seed');
  });

  it('full page: a link picks its own example and wins over saved work', () => {
    const storage = new MemoryStore();
    const saved = new PlaygroundController({ example: COUNTER, lang: 'en', server: new FakeServer(), storage });
    saved.setCode('// saved');
    save(storage, saved.snapshot(), 'en');
    const state = decideStart(input({ storage, hash: linkFor(COUNTER, '// linked') }));
    expect(state).toMatchObject({ source: 'link', tookLink: true, example: { id: 'counter' }, snapshot: { code: '// linked' } });
    expect(decideStart(input({ storage, search: '?example=counter' }))).toMatchObject({ source: 'saved', snapshot: { code: '// saved' } });
  });

  it("lesson and embed: a link for another example is left for that example's playground", () => {
    const state = decideStart(input({ mode: 'lesson', hash: linkFor(COUNTER, '// linked') }));
    expect(state).toMatchObject({ source: 'example', tookLink: false, example: { id: 'seed' } });
    expect(decideStart(input({ mode: 'embed', initial: 'counter', hash: linkFor(COUNTER, '// linked') }))).toMatchObject({ source: 'link', tookLink: true });
  });

  it('saved work is looked up in the page language only', () => {
    const storage = new MemoryStore();
    storage.setItem(storageKeys('seed', 'es').state, JSON.stringify(new PlaygroundController({ example: SEED, lang: 'es', server: new FakeServer() }).snapshot()));
    expect(decideStart(input({ storage, lang: 'en' })).source).toBe('example');
    expect(decideStart(input({ storage, lang: 'es' })).source).toBe('saved');
  });

  it('a link another playground already took is not applied twice', () => {
    expect(decideStart(input({ hash: linkFor(SEED, '// x'), linkAllowed: false })).source).toBe('example');
  });
});
