/**
 * What course authors get from the build: /embed.js, an embed view per example and language (and per
 * theme in the path), the /embed/ index listing each one with its snippets, and the author guide.
 */
import { describe, expect, it } from 'vitest';
import { exampleIds } from './examples.ts';
import { exists, html } from './dist.ts';

const ids = exampleIds();

describe('embedding, as built', () => {
  it('serves /embed.js', () => {
    expect(exists('/embed.js')).toBe(true);
  });

  it.each(ids)('%s: an embed view in both languages and in both path themes', (id) => {
    for (const base of [`/embed/${id}/`, `/en/embed/${id}/`]) {
      expect(html(base)).toContain('data-slp-root');
      expect(html(`${base}light/`)).toMatch(/<html lang="(es|en)" data-theme="light"/);
      expect(html(`${base}dark/`)).toMatch(/<html lang="(es|en)" data-theme="dark"/);
    }
  });

  it.each([
    ['/embed/', '/embed/', ''],
    ['/en/embed/', '/en/embed/', ' data-lang="en"'],
  ])('%s lists every example with its snippets', (page, prefix, langAttr) => {
    const text = html(page);
    for (const id of ids) {
      expect(text, id).toContain(`id="example-${id}"`);
      // The snippets sit in Expressive Code's copy buttons, with their quotes escaped.
      expect(text, id).toContain(`${prefix}${id}/`);
      expect(text, id).toMatch(new RegExp(`data-session-lab=(&#x22;|")${id}(&#x22;|")${langAttr.replace(/"/g, '(&#x22;|")')}`));
    }
    expect(text).toContain('/embed.js');
    // The previews are live embeds, loaded only when opened.
    expect(text.match(/<iframe[^>]+loading="lazy"/g)?.length).toBe(ids.length);
  });

  it('has the author guide in both languages, linked from the sidebar', () => {
    expect(html('/authors/')).toContain('Para autores de cursos');
    expect(html('/en/authors/')).toContain('For course authors');
    expect(html('/en/guide/session/')).toContain('href="/en/authors/"');
    expect(html('/guide/session/')).toContain('href="/authors/"');
  });
});
