/**
 * Shows the learner's progress on every docs page: a ✓ beside each completed lesson wherever a link
 * points to it (the sidebar, the home page's list), the home page's summary with its reset, and a
 * note when the saved record could not be read. Everything comes from this browser's storage.
 */
import { usableLocalStorage } from '../../playground/ui/local-storage.ts';
import { PROGRESS_EVENT, PROGRESS_KEY, lessonComplete, readProgress, resetProgress } from '../../playground/ui/progress.ts';
import type { ProgressLang, ProgressRead } from '../../playground/ui/progress.ts';

const TEXT = {
  es: {
    done: '(completada)',
    summary: 'Has completado {done} de {total} lecciones.',
    start: 'Aún no has completado ninguna lección: cada una termina con un ejercicio que se comprueba solo.',
    local: 'Tu progreso se guarda solo en este navegador; no sale de él.',
    reset: 'Borrar mi progreso',
    resetConfirm: '¿Borrar tu progreso en español? Tu código guardado no se toca.',
    setAside: 'No se pudo leer el progreso guardado en este navegador: lo hemos apartado (sin borrarlo) y empezamos de cero.',
    unavailable: 'Este navegador no deja guardar datos de este sitio, así que tu progreso no se recordará.',
  },
  en: {
    done: '(completed)',
    summary: 'You have completed {done} of {total} lessons.',
    start: 'No lesson completed yet: each one ends with an exercise that checks itself.',
    local: 'Your progress is kept in this browser only; it never leaves it.',
    reset: 'Reset my progress',
    resetConfirm: 'Reset your progress in English? Your saved code is not touched.',
    setAside: 'The progress saved in this browser could not be read: it was kept aside (not deleted) and progress starts afresh.',
    unavailable: 'This browser does not let this site keep data, so your progress will not be remembered.',
  },
} satisfies Record<ProgressLang, Record<string, string>>;

const lang: ProgressLang = document.documentElement.lang.toLowerCase().startsWith('en') ? 'en' : 'es';
const text = TEXT[lang];

function lessons(): Record<string, string[]> {
  try {
    const parsed: unknown = JSON.parse(document.querySelector('[data-slp-lessons]')?.getAttribute('data-slp-lessons') ?? '{}');
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, string[]>) : {};
  } catch {
    return {};
  }
}
const lessonMap = lessons();

function markLink(link: HTMLAnchorElement, done: boolean): void {
  link.querySelector(':scope > .slp-done')?.remove();
  link.toggleAttribute('data-slp-done', done);
  if (!done) return;
  const mark = document.createElement('span');
  mark.className = 'slp-done';
  mark.append('✓');
  const words = document.createElement('span');
  words.className = 'sr-only';
  words.textContent = ` ${text.done}`;
  mark.append(words);
  link.append(mark);
}

function drawSummary(read: ProgressRead, completed: number, total: number): void {
  for (const box of document.querySelectorAll<HTMLElement>('[data-slp-progress-summary]')) {
    const line = box.querySelector('[data-slp-progress-line]');
    const local = box.querySelector('[data-slp-progress-local]');
    const button = box.querySelector<HTMLButtonElement>('[data-slp-progress-reset]');
    if (line) line.textContent = completed > 0 ? text.summary.replace('{done}', String(completed)).replace('{total}', String(total)) : text.start;
    if (local) local.textContent = read.available ? text.local : text.unavailable;
    if (button) {
      button.textContent = text.reset;
      button.hidden = completed === 0;
    }
    box.hidden = false;
  }
}

function drawNote(read: ProgressRead): void {
  const note = read.setAside ? text.setAside : '';
  for (const el of document.querySelectorAll<HTMLElement>('[data-slp-progress-note]')) {
    // Once shown, the note stays for this page view: the record is already set aside on a redraw.
    if (!note) continue;
    el.textContent = note;
    el.hidden = false;
  }
}

function draw(): void {
  const read = readProgress(usableLocalStorage());
  drawNote(read);
  let completed = 0;
  for (const ids of Object.values(lessonMap)) if (lessonComplete(read.progress, lang, ids)) completed++;
  // Links to a place inside a page (the table of contents) are not links to the lesson.
  for (const link of document.querySelectorAll<HTMLAnchorElement>('a[href]:not([href*="#"])')) {
    const url = new URL(link.href, location.href);
    if (url.origin !== location.origin) continue;
    const ids = lessonMap[url.pathname];
    if (ids) markLink(link, lessonComplete(read.progress, lang, ids));
  }
  drawSummary(read, completed, Object.keys(lessonMap).length);
}

document.addEventListener('click', (event) => {
  const button = (event.target as Element | null)?.closest?.('[data-slp-progress-reset]');
  if (!button || !confirm(text.resetConfirm)) return;
  resetProgress(usableLocalStorage(), lang);
  draw();
});
addEventListener(PROGRESS_EVENT, draw);
addEventListener('storage', (event) => {
  if (event.key === PROGRESS_KEY || event.key === null) draw();
});
draw();
