/** The embed's URL parameters (playground/ui/embed-params.ts): documented values, and forgiving of typos. */
import { describe, expect, it } from 'vitest';
import { GOAL_MAX, readEmbedParams, TITLE_MAX } from '../../playground/ui/embed-params.ts';

describe('readEmbedParams', () => {
  it('defaults', () => {
    expect(readEmbedParams('')).toEqual({ theme: 'auto', editor: 'auto', readOnly: false, codeHeight: null, open: new Set(), hide: new Set(), title: null, goal: null });
  });

  it('reads every documented parameter', () => {
    const p = readEmbedParams('?theme=light&editor=plain&readonly=1&height=300&open=timeline,clock&hide=tools+flask');
    expect(p).toEqual({
      theme: 'light',
      editor: 'plain',
      readOnly: true,
      codeHeight: 300,
      open: new Set(['timeline', 'clock']),
      hide: new Set(['tools', 'flask']),
      title: null,
      goal: null,
    });
    expect(readEmbedParams('?readonly').readOnly).toBe(true);
    expect(readEmbedParams('?readonly=true').readOnly).toBe(true);
    expect(readEmbedParams('?readonly=0').readOnly).toBe(false);
  });

  it('falls back on anything unknown, and keeps the code height within bounds', () => {
    const p = readEmbedParams('?theme=blue&editor=vim&height=abc&open=everything,TIMELINE');
    expect(p.theme).toBe('auto');
    expect(p.editor).toBe('auto');
    expect(p.codeHeight).toBeNull();
    expect([...p.open]).toEqual(['timeline']);
    expect(readEmbedParams('?height=5').codeHeight).toBe(120);
    expect(readEmbedParams('?height=99999').codeHeight).toBe(1200);
  });

  it("reads an author's title and goal as plain text, and refuses them whole when too long", () => {
    const q = new URLSearchParams({ title: '  My <b>cart</b>\n\u0000 ', goal: 'Keep the cart\r\nafter a reload.' });
    const p = readEmbedParams(`?${q}`);
    expect(p.title).toBe('My <b>cart</b>');
    expect(p.goal).toBe('Keep the cart after a reload.');
    expect(readEmbedParams(`?${new URLSearchParams({ title: 'x'.repeat(TITLE_MAX) })}`).title).toHaveLength(TITLE_MAX);
    expect(readEmbedParams(`?${new URLSearchParams({ title: 'x'.repeat(TITLE_MAX + 1) })}`).title).toBeNull();
    expect(readEmbedParams(`?${new URLSearchParams({ goal: 'y'.repeat(GOAL_MAX + 1) })}`).goal).toBeNull();
    expect(readEmbedParams('?title=%20%20&goal=').title).toBeNull();
  });
});
