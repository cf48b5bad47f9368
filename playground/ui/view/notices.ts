/**
 * Messages above the playground about saved work and share links (corrupt save, no storage, a
 * broken or foreign link, a link that replaced earlier work), each with its way out.
 */
import { h, replace } from '../dom.ts';
import type { AsideEntry } from '../persist.ts';
import type { Notice } from '../start-state.ts';
import { button } from './controls.ts';
import { formatDate } from './format.ts';
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
      case 'storage-trimmed':
        return { text: t('saved.trimmed'), extra: null, error: true };
      case 'link-broken':
        return { text: t('link.broken', { reason: n.reason }), extra: null, error: true };
      case 'link-unknown-example':
        return { text: t('link.unknownExample', { id: n.id }), extra: null, error: true };
      case 'link-restored':
        return { text: t('link.restored'), extra: this.earlier(), error: false };
      case 'legacy-aside':
        return { text: t('saved.legacy'), extra: this.earlier(), error: false };
      case 'aside-restored':
        return { text: t('saved.restored'), extra: this.earlier(), error: false };
    }
  }

  /** The versions kept aside, newest first, each with its own way back. */
  private earlier(): HTMLElement | null {
    const { c, t } = this.ctx;
    const list: AsideEntry[] = c.earlierVersions();
    if (list.length === 0) return null;
    const failed = h('p', { class: 'slp-error', attrs: { role: 'alert' } });
    return h(
      'details',
      { class: 'slp-details slp-earlier' },
      h('summary', {}, t('saved.earlier', { count: list.length })),
      h(
        'ul',
        {},
        list.map((e) =>
          h(
            'li',
            {},
            `${formatDate(Math.floor(e.at / 1000))} · ${t(`saved.why.${e.why}`)} `,
            button(t('saved.restoreThis'), () => {
              if (!c.restoreEarlier(e.at)) failed.textContent = t('saved.cannotRestore');
            }),
          ),
        ),
      ),
      failed,
    );
  }
}
