/**
 * The embed view's URL parameters, read once when the page starts. Authors write these by hand in an
 * iframe's `src` (or as `data-*` attributes for /embed.js), so anything unknown or malformed falls back
 * to the default instead of failing: a typo must never leave a course page with a broken embed.
 * `theme` and `lang` are also read by the embed page's first inline script, before anything loads
 * (src/components/PlaygroundEmbed.astro): the theme to avoid a flash, the language to switch pages.
 * The author guide (content/docs/authors.mdx) documents every one of them; keep the two in step.
 *
 * Reserved for later: the `#state=` hash (a share link) may carry the reader's state into an embed.
 */
export type EmbedPanel = 'exercise' | 'tools' | 'clock' | 'timeline' | 'users' | 'flask';

/** Panels an author may open at start (`open=`) or leave out (`hide=`). */
export const EMBED_PANELS: readonly EmbedPanel[] = ['exercise', 'tools', 'clock', 'timeline', 'users', 'flask'];

export interface EmbedParams {
  theme: 'light' | 'dark' | 'auto';
  /** `plain`: the textarea editor, never Monaco (lighter, and what phones get anyway). */
  editor: 'plain' | 'auto';
  readOnly: boolean;
  /** Height of the code area in CSS pixels; null = the layout's own. */
  codeHeight: number | null;
  open: Set<EmbedPanel>;
  hide: Set<EmbedPanel>;
}

export const CODE_HEIGHT_MIN = 120;
export const CODE_HEIGHT_MAX = 1200;

const yes = (v: string | null) => v !== null && /^(1|true|yes|)$/i.test(v.trim());

function panelList(v: string | null): Set<EmbedPanel> {
  const out = new Set<EmbedPanel>();
  for (const part of (v ?? '').split(/[\s,]+/)) {
    const name = part.trim().toLowerCase() as EmbedPanel;
    if (EMBED_PANELS.includes(name)) out.add(name);
  }
  return out;
}

export function readEmbedParams(search: string): EmbedParams {
  const q = new URLSearchParams(search);
  const theme = q.get('theme');
  const height = Number.parseInt(q.get('height') ?? '', 10);
  return {
    theme: theme === 'light' || theme === 'dark' ? theme : 'auto',
    editor: q.get('editor') === 'plain' ? 'plain' : 'auto',
    readOnly: yes(q.get('readonly')),
    codeHeight: Number.isFinite(height) ? Math.min(CODE_HEIGHT_MAX, Math.max(CODE_HEIGHT_MIN, height)) : null,
    open: panelList(q.get('open')),
    hide: panelList(q.get('hide')),
  };
}
