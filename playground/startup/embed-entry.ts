/**
 * The embed view's own script: when the playground has mounted, it gets the compact layout, the
 * author's words, the way out to the full playground, and the connection to the host page. It must
 * run before ../ui/mount.ts dispatches `session-lab:mounted`, so the embed page loads it from its <head>.
 */
import type { Mounted } from '../ui/mount.ts';
import { connectEmbed } from '../ui/embed-bridge.ts';
import { compactLayout } from '../ui/embed-layout.ts';
import { readEmbedParams } from '../ui/embed-params.ts';
import { authorWords, carryToFullPlayground, frameOnlyNote } from '../ui/embed-own.ts';

const params = readEmbedParams(location.search);
const lang = document.documentElement.lang === 'en' ? 'en' : 'es';

document.addEventListener('session-lab:mounted', (e) => {
  const mounted = (e as CustomEvent<Mounted | undefined>).detail;
  const root = e.target as HTMLElement;
  const view = root.querySelector<HTMLElement>('.slp');
  if (!mounted || !view) return;
  // The exercise panel now shows the goal: the copy written for readers without JavaScript goes.
  document.querySelector('.slp-embed-static-goal')?.remove();
  compactLayout({ view, params, lang });
  authorWords({ view, params, lang });
  const open = document.querySelector<HTMLAnchorElement>('.slp-embed-open');
  if (open) carryToFullPlayground(open, mounted.controller);
  frameOnlyNote({ view, lang });
  if (parent !== window) connectEmbed({ controller: mounted.controller, root, lang, self: window, parent });
});
