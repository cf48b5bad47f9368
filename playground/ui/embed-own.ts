/**
 * What an embed shows of its author and its reader's work beyond the playground itself:
 *
 * - the author's own title and goal (URL parameters `title`, `goal`; embed-params.ts bounds them),
 *   always as text, never as HTML;
 * - "Open in the playground" carrying the reader's current state (a share link in a new tab), so work
 *   done in a frame that may keep nothing can be taken to the full site in one click;
 * - a note when this frame may keep nothing beyond its own address (embed-store.ts).
 */
import { usableLocalStorage } from './local-storage.ts';
import type { PlaygroundController } from './controller.ts';
import type { EmbedParams } from './embed-params.ts';
import { encodeShare, MAX_LINK_CHARS } from './persist.ts';
import { translator } from './strings.ts';
import type { Lang } from './strings.ts';

export function authorWords({ view, params, lang }: { view: HTMLElement; params: EmbedParams; lang: Lang }): void {
  const t = translator(lang);
  if (params.title) {
    const heading = document.querySelector('.slp-embed-title');
    if (heading) heading.textContent = `Session Lab · ${params.title}`;
    document.title = `Session Lab · ${params.title}`;
  }
  if (params.goal) {
    const section = document.createElement('section');
    section.className = 'slp-embed-own-goal';
    const label = document.createElement('strong');
    label.textContent = `${t('embed.goalLabel')}: `;
    section.append(label, params.goal);
    view.prepend(section);
  }
}

/**
 * The link keeps its plain address (the example) and gets the current state just before it is
 * followed, by any means: click, middle click, keyboard, or "copy link" after hovering.
 */
export function carryToFullPlayground(link: HTMLAnchorElement, controller: PlaygroundController): void {
  const base = new URL(link.href);
  base.hash = '';
  const refresh = () => {
    const hash = encodeShare(controller.snapshot());
    link.href = hash.length <= MAX_LINK_CHARS ? base.href + hash : base.href;
  };
  for (const type of ['pointerenter', 'focus', 'mousedown', 'click', 'auxclick', 'contextmenu']) link.addEventListener(type, refresh);
}

/** Without storage the work outlives a reload of the frame, not the course page: say how to keep it. */
export function frameOnlyNote({ view, lang }: { view: HTMLElement; lang: Lang }): void {
  if (usableLocalStorage()) return;
  const note = document.createElement('p');
  note.className = 'slp-embed-frame-only';
  note.setAttribute('role', 'note');
  note.textContent = translator(lang)('embed.frameOnly');
  view.prepend(note);
}
