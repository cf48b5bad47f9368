/**
 * The compact embed: what a course page shows in about 900 px. After the view is built, this moves
 * its parts (it never re-creates them, so every panel keeps updating itself):
 *
 *   exercise goal → code → users, request bar, response, cookies → clock, timeline, tools
 *
 * with the clock, the timeline and the tools (secret key, settings, reset, share, plain editor)
 * behind disclosures an author may open (`open=`), and any of them left out (`hide=`).
 */
import type { EmbedPanel, EmbedParams } from './embed-params.ts';

const WORDS = {
  es: { tools: 'Herramientas: clave secreta, ajustes, reiniciar, compartir', clock: 'Reloj virtual', timeline: 'Historial de peticiones' },
  en: { tools: 'Tools: secret key, settings, reset, share', clock: 'Virtual clock', timeline: 'Request history' },
} as const;

function disclosure(name: EmbedPanel, label: string, open: boolean, ...content: (Element | null)[]): HTMLDetailsElement {
  const details = document.createElement('details');
  details.className = `slp-embed-more slp-embed-${name}`;
  details.open = open;
  const summary = document.createElement('summary');
  summary.textContent = label;
  details.append(summary, ...content.filter((e): e is Element => e !== null));
  return details;
}

export interface LayoutOptions {
  /** The element the view was mounted in (class `slp`). */
  view: HTMLElement;
  params: EmbedParams;
  lang: 'es' | 'en';
}

export function compactLayout({ view, params, lang }: LayoutOptions): void {
  const w = WORDS[lang];
  const q = <T extends Element>(sel: string) => view.querySelector<T>(sel);
  const hidden = (p: EmbedPanel) => params.hide.has(p);
  view.classList.add('slp-compact');

  // Tools last: the reader needs them less than anything else.
  const toolbar = q('.slp-toolbar');
  const drawers = [...view.querySelectorAll(':scope > .slp-drawer')];
  if (toolbar) view.append(disclosure('tools', w.tools, params.open.has('tools'), toolbar, ...drawers));

  // The "open the editor" button beside the Code / Flask tabs, not on a line of its own.
  const tabs = q('.slp-server .slp-tabs');
  const editorMessage = q('.slp-server .slp-editor-message');
  if (tabs && editorMessage) {
    const row = document.createElement('div');
    row.className = 'slp-embed-code-head';
    tabs.replaceWith(row);
    row.append(tabs, editorMessage);
  }

  const panel = q('.slp-user-panel');
  const clock = q('.slp-clock');
  const timeline = q('.slp-timeline');
  if (panel) {
    // Side by side while folded: one line for both.
    const folds = document.createElement('div');
    folds.className = 'slp-embed-folds';
    if (clock) folds.append(disclosure('clock', w.clock, params.open.has('clock'), clock));
    if (timeline) folds.append(disclosure('timeline', w.timeline, params.open.has('timeline'), timeline));
    panel.append(folds);
  }

  const parts: Record<EmbedPanel, Element | null> = {
    exercise: q('.slp-exercise'),
    tools: q('.slp-embed-tools'),
    clock: q('.slp-embed-clock'),
    timeline: q('.slp-embed-timeline'),
    users: q('.slp-users'),
    flask: q('.slp-server .slp-tabs'),
  };
  for (const [name, el] of Object.entries(parts)) if (el && hidden(name as EmbedPanel)) (el as HTMLElement).hidden = true;

  if (params.codeHeight !== null) view.style.setProperty('--slp-embed-code-height', `${params.codeHeight}px`);
  if (params.readOnly) readOnly(view);
}

/** Read-only: the code stays as shown (no editor to open); a plain editor, where there is one, refuses typing. */
function readOnly(view: HTMLElement): void {
  view.dataset.readonly = 'true';
  const box = view.querySelector('.slp-editor');
  if (!box) return;
  const lock = () => {
    for (const area of box.querySelectorAll('textarea')) area.readOnly = true;
  };
  lock();
  new MutationObserver(lock).observe(box, { childList: true, subtree: true });
}
