/**
 * One tab per simulated user (browser), and the button that adds one. The tab panel they control is
 * the rest of the browsers column.
 */
import { h, replace } from '../dom.ts';
import type { ViewContext } from './context.ts';
import { arrowKeys, button } from './controls.ts';
import { Panel } from './panel.ts';

export class UsersTabs extends Panel {
  readonly tabs = h('div', { class: 'slp-user-tabs', attrs: { role: 'tablist' } });
  readonly addButton: HTMLButtonElement;
  private readonly panel: HTMLElement;

  constructor(ctx: ViewContext, panel: HTMLElement) {
    super(ctx);
    this.panel = panel;
    const add = ctx.t('browsers.addUser');
    this.addButton = button('+', () => ctx.c.addUser(), { class: 'slp-button slp-add-user', attrs: { 'aria-label': add, title: add } });
    arrowKeys(this.tabs, (i) => {
      const u = ctx.c.users[i];
      if (u) ctx.c.select(u.id);
    });
  }

  render(): void {
    const { c, t } = this.ctx;
    replace(
      this.tabs,
      c.users.map((u) =>
        h('button', {
          class: 'slp-tab slp-user-tab',
          fk: `user-${u.id}`,
          attrs: {
            role: 'tab',
            type: 'button',
            'aria-selected': String(u.id === c.selectedId),
            'aria-controls': this.panel.id,
            tabindex: u.id === c.selectedId ? 0 : -1,
          },
          on: { click: () => c.select(u.id) },
        }, u.name),
      ),
    );
    this.tabs.setAttribute('aria-label', t('browsers.users'));
    this.panel.setAttribute('aria-label', c.selected.name);
  }
}
