/**
 * The snippets an author pastes into a course page, for one embed address: with /embed.js (plain
 * HTML), a bare iframe (Moodle, Canvas and any editor that keeps iframes but strips scripts), a plain
 * link (platforms that strip iframes too), and Markdown course sites. Used at build time by the
 * /embed/ index pages and by the playground's Embed dialog (view/share-drawer.ts) for the reader's
 * current state (no DOM, no Node).
 */
export interface SnippetInput {
  /** The site's origin, e.g. https://session-lab.example (the build's SITE_URL). */
  site: string;
  example: string;
  lang: 'es' | 'en';
  title: string;
  /** URL parameters (see embed-params.ts), already valid. */
  params?: Record<string, string>;
  /** The iframe's height where nothing resizes it; the compact layout fits in about 900 px. */
  frameHeight?: number;
  /** An author's own code and state: a share link's hash (`#state=…`, persist.ts `encodeShare`). */
  state?: string;
}

export interface Snippets {
  src: string;
  script: string;
  iframe: string;
  link: string;
  markdown: string;
}

const attr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
const text = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/** The theme goes in the path (/embed/<id>/light/): a page without JavaScript then follows it too. */
export function embedSrc({ site, example, lang, params, state }: Pick<SnippetInput, 'site' | 'example' | 'lang' | 'params' | 'state'>): string {
  const theme = params?.theme === 'light' || params?.theme === 'dark' ? `${params.theme}/` : '';
  const url = new URL(`${lang === 'en' ? '/en' : ''}/embed/${encodeURIComponent(example)}/${theme}`, site);
  for (const [k, v] of Object.entries(params ?? {})) if (k !== 'theme' || !theme) url.searchParams.set(k, v);
  if (state?.startsWith('#state=')) url.hash = state.slice(1);
  return url.href;
}

export function embedSnippets(input: SnippetInput): Snippets {
  const src = embedSrc(input);
  const site = new URL(input.site).origin;
  const title = `Session Lab: ${input.title}`;
  const height = input.frameHeight ?? 900;
  const data = Object.entries(input.params ?? {})
    .map(([k, v]) => ` data-${k}="${attr(v)}"`)
    .join('');
  const lang = input.lang === 'en' ? ' data-lang="en"' : '';
  return {
    src,
    // A <div> placeholder cannot carry a state (a hash) or long words: the link form carries them
    // all in its address, and stays a working link where the script never runs.
    script: [
      input.state
        ? `<a data-session-lab href="${attr(src)}" data-title="${attr(title)}" data-frame-height="${height}">${text(title)}</a>`
        : `<div data-session-lab="${attr(input.example)}"${lang}${data} data-title="${attr(title)}"></div>`,
      `<script src="${site}/embed.js" defer></script>`,
    ].join('\n'),
    iframe: `<iframe src="${attr(src)}" title="${attr(title)}" width="100%" height="${height}" style="border:0;max-width:100%" loading="lazy" allow="clipboard-write"></iframe>`,
    link: `<a href="${attr(src)}" target="_blank" rel="noopener">${text(title)}</a>`,
    // Markdown allows inline HTML: an author's `<` stays a character.
    markdown: `[${title.replace(/[[\]]/g, '').replace(/</g, '\\<')}](${src})`,
  };
}
