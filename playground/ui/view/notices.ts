/**
 * Messages above the playground about saved work and share links (corrupt save, no storage, a
 * broken or foreign link, a link that replaced earlier work), each with its way out.
 */
import type { Notice } from '../controller.ts';
import { h, replace } from '../dom.ts';
import { button } from './controls.ts';
import { Panel } from './panel.ts';

export class Notices extends Panel {
  readonly el = h('div', { class: 'slp-notices' });

  render(): void {
    const { c, t } = this.ctx;
    replace(
      this.el,
      c.notices.map((n, i) => {
        const close = button('×', () => c.dismissNotice(i), { class: 'slp-link-button', attrs: { 'aria-label': t('common.close') } });
        const { text, extra, error } = this.describe(n);
        return h('div', { class: `slp-notice${error ? ' slp-notice-error' : ''}`, attrs: { role: error ? 'alert' : 'status' } }, h('span', {}, text), extra, close);
      }),
    );
  }

  private describe(n: Notice): { text: string; extra: HTMLElement | null; error: boolean } {
    const t = this.ctx.t;
    switch (n.kind) {
      case 'saved-corrupt':
        return { text: t('saved.corrupt', { reason: n.reason }), extra: button(t('saved.copyCorrupt'), () => void navigator.clipboard?.writeText(n.text)), error: true };
      case 'storage-unavailable':
        return { text: t('saved.unavailable'), extra: null, error: true };
      case 'link-broken':
        return { text: t('link.broken', { reason: n.reason }), extra: null, error: true };
      case 'link-unknown-example':
        return { text: t('link.unknownExample', { id: n.id }), extra: null, error: true };
      case 'link-restored': {
        const key = n.previousKeptAt;
        return {
          text: t('link.restored') + (key ? ` ${t('link.previousKept')}` : ''),
          extra: key ? button(t('link.restorePrevious'), () => restorePrevious(key)) : null,
          error: false,
        };
      }
    }
  }
}

/** Puts the work a share link pushed aside back in place, and reloads without the link. */
function restorePrevious(key: string): void {
  try {
    const text = localStorage.getItem(key);
    if (text === null) return;
    localStorage.setItem(key.replace(/:before-link$/, ''), text);
    location.hash = '';
    location.reload();
  } catch {
    // Storage unavailable: the notice about it is already shown.
  }
}
