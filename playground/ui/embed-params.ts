/**
 * The embed view's URL parameters, read once when the page starts. Authors write these by hand in an
 * iframe's `src` (or as `data-*` attributes for /embed.js), so anything unknown or malformed falls back
 * to the default instead of failing: a typo must never leave a course page with a broken embed.
 * `theme` and `lang` are also read by the embed page's first inline script, before anything loads
 * (src/components/PlaygroundEmbed.astro): the theme to avoid a flash, the language to switch pages.
 * The author guide (content/docs/authors.mdx) documents every one of them; keep the two in step.
 *
 * The `#state=` hash carries an author's own code and state (share-link format, read by
 * start-state.ts); `title` and `goal` are the author's words for it: plain text, bounded, refused
 * whole when too long rather than cut mid-sentence.
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
  /** The author's title and goal for their own code; null when absent or refused. Shown as text only. */
  title: string | null;
  goal: string | null;
}

export const TITLE_MAX = 100;
export const GOAL_MAX = 600;

/**
 * An author's words: control characters out, spaces collapsed (it is shown on one line or one
 * paragraph), null when empty or over the limit.
 */
export function authorText(v: string | null | undefined, max: number): string | null {
  if (typeof v !== 'string') return null;
  // eslint-disable-next-line no-control-regex
  const clean = v.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ').replace(/\s+/g, ' ').trim();
  return clean.length > 0 && clean.length <= max ? clean : null;
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
    title: authorText(q.get('title'), TITLE_MAX),
    goal: authorText(q.get('goal'), GOAL_MAX),
  };
}
