/** The snippets an author pastes (playground/ui/embed-snippet.ts), with and without their own state. */
import { describe, expect, it } from 'vitest';
import { embedSnippets } from '../../playground/ui/embed-snippet.ts';

const site = 'https://session-lab.example';

describe('embedSnippets', () => {
  it('a built-in example: a <div> placeholder for /embed.js, the iframe, a link and Markdown', () => {
    const s = embedSnippets({ site, example: 'counter', lang: 'en', title: 'Visit counter', params: { theme: 'light' } });
    expect(s.src).toBe('https://session-lab.example/en/embed/counter/light/');
    expect(s.script).toContain('<div data-session-lab="counter" data-lang="en"');
    expect(s.script).toContain('<script src="https://session-lab.example/embed.js" defer></script>');
    expect(s.iframe).toContain('src="https://session-lab.example/en/embed/counter/light/"');
    expect(s.markdown).toBe('[Session Lab: Visit counter](https://session-lab.example/en/embed/counter/light/)');
  });

  it("an author's own state rides in every snippet's address, and their words are escaped", () => {
    const state = '#state=N4IgbiBcCMA0IFMAeBDAtgB+$-';
    const title = 'Week 3 <b>"mine"</b> & more';
    const s = embedSnippets({ site, example: 'cart', lang: 'es', title, params: { title, goal: 'Keep [it]' }, state });
    expect(s.src).toBe(`https://session-lab.example/embed/cart/?${new URLSearchParams({ title, goal: 'Keep [it]' })}${state}`);
    // A <div> cannot carry a hash: the link placeholder does, and stays a link without the script.
    expect(s.script).toMatch(/^<a data-session-lab href="[^"]+#state=N4IgbiBcCMA0IFMAeBDAtgB\+\$-"/);
    for (const text of [s.script, s.iframe, s.link]) expect(text).not.toContain('<b>');
    expect(s.iframe).toContain('title="Session Lab: Week 3 &lt;b>&quot;mine&quot;&lt;/b> &amp; more"');
    expect(s.link).toContain('>Session Lab: Week 3 &lt;b>"mine"&lt;/b> &amp; more</a>');
    expect(s.markdown).toBe(`[Session Lab: Week 3 \\<b>"mine"\\</b> & more](${s.src})`);
    expect(s.markdown.endsWith(`(${s.src})`)).toBe(true);
  });

  it('ignores a state that is not in the share-link format', () => {
    expect(embedSnippets({ site, example: 'cart', lang: 'en', title: 'x', state: '#javascript:alert(1)' }).src).toBe('https://session-lab.example/en/embed/cart/');
  });
});
