/**
 * The row above both columns: example picker (full page), secret key, settings, reset, share, embed,
 * and the plain-editor toggle.
 */
import { h } from '../dom.ts';
import type { ViewContext } from './context.ts';
import { button } from './controls.ts';
import { Panel } from './panel.ts';

export interface ToolbarActions {
  examples?: { id: string; title: string }[];
  onPickExample?: (id: string) => void;
  /** Shows or hides the settings drawer; returns whether it is now open. */
  toggleSettings: () => boolean;
  /** After the controller reset: the editor must show the original code again. */
  afterReset: () => void;
  share: () => void;
  embed?: () => void;
  plainToggle: HTMLButtonElement | null;
}

export class Toolbar extends Panel {
  readonly el: HTMLElement;
  private readonly keyInput: HTMLInputElement;

  constructor(ctx: ViewContext, full: boolean, a: ToolbarActions) {
    super(ctx);
    const { c, t } = ctx;
    const items: HTMLElement[] = [];
    if (full && a.examples && a.examples.length > 1) {
      const select = h(
        'select',
        { on: { change: () => a.onPickExample?.(select.value) } },
        a.examples.map((e) => h('option', { props: { value: e.id, selected: e.id === c.example.id } }, e.title)),
      );
      items.push(h('label', { class: 'slp-field' }, h('span', {}, t('toolbar.example')), select));
    }
    const keyInput = h('input', {
      class: 'slp-key',
      attrs: { type: 'text', spellcheck: 'false', autocomplete: 'off' },
      props: { value: c.settings.SECRET_KEY },
      on: { change: () => c.setSettings({ SECRET_KEY: keyInput.value }) },
    });
    this.keyInput = keyInput;
    items.push(h('label', { class: 'slp-field slp-field-key' }, h('span', {}, t('toolbar.secretKey')), keyInput));
    const settings = button(['⚙ ', t('toolbar.settings')], () => settings.setAttribute('aria-expanded', String(a.toggleSettings())), {
      attrs: { 'aria-expanded': 'false' },
    });
    items.push(settings);
    items.push(
      button(t('toolbar.reset'), () => {
        if (confirm(t('toolbar.resetConfirm'))) {
          c.reset();
          a.afterReset();
        }
      }),
    );
    items.push(button(t('toolbar.share'), a.share));
    if (a.embed) items.push(button(t('toolbar.embed'), a.embed));
    if (a.plainToggle) items.push(a.plainToggle);
    this.el = h('div', { class: 'slp-toolbar', attrs: { role: 'group', 'aria-label': t('toolbar.label') } }, items);
  }

  /** The key field follows the settings, except while the reader is typing in it. */
  syncKey(force: boolean): void {
    if (force || document.activeElement !== this.keyInput) this.keyInput.value = this.ctx.c.settings.SECRET_KEY;
  }
}
