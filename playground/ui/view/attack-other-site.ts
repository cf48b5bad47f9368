/**
 * The other-site actor (CSRF): a page on https://evil.example makes a request to the app in the
 * chosen user's browser. The reader picks how (link, form, image, fetch…), the path and a body; the
 * exchange goes to that user's timeline, and this panel says which cookies went and why not the rest.
 */
import { OTHER_SITE_VIAS } from '../../engine/actors/index.ts';
import type { OtherSiteVia } from '../../engine/actors/index.ts';
import { h, replace, uid } from '../dom.ts';
import type { ViewContext } from './context.ts';
import { actorForm, button, labelled } from './controls.ts';
import { cookieDecision, viaText } from './actor-mark.ts';
import { Panel } from './panel.ts';

export class OtherSiteAttack extends Panel {
  readonly el: HTMLElement;
  private readonly via: HTMLSelectElement;
  private readonly path: HTMLInputElement;
  private readonly body: HTMLTextAreaElement;
  private readonly bodyField: HTMLElement;
  private readonly result = h('div', { class: 'slp-attack-result', attrs: { role: 'status', 'aria-live': 'polite' } });
  private busy = false;

  constructor(ctx: ViewContext) {
    super(ctx);
    const { t, c } = ctx;
    const id = uid('slp-site');
    this.via = h(
      'select',
      { attrs: { id: `${id}-via` }, on: { change: () => this.syncBody() } },
      OTHER_SITE_VIAS.map((v) => h('option', { props: { value: v, selected: v === 'form-post' } }, viaText(t, v))),
    );
    this.path = h('input', { attrs: { id: `${id}-path`, type: 'text', spellcheck: 'false', autocomplete: 'off' }, props: { value: c.example.startPath || '/' } });
    this.body = h('textarea', { attrs: { id: `${id}-body`, rows: 2, spellcheck: 'false' } });
    this.bodyField = labelled(t('actor.site.body'), this.body);
    this.el = h(
      'div',
      { class: 'slp-attack slp-attack-site' },
      h('p', { class: 'slp-muted' }, t('actor.site.help')),
      actorForm(
        () => void this.send(),
        labelled(t('actor.site.kind'), this.via),
        labelled(t('actor.site.path'), this.path),
        this.bodyField,
        h('button', { class: 'slp-button slp-attack-send', attrs: { type: 'submit' } }, t('actor.site.send')),
      ),
      this.result,
    );
    this.syncBody();
  }

  /** A body only means something for a POST. */
  private syncBody(): void {
    this.bodyField.hidden = !this.via.value.endsWith('post');
  }

  private async send(): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    const { c, t, lang } = this.ctx;
    const via = this.via.value as OtherSiteVia;
    const user = c.selected;
    try {
      const out = await c.sendFromOtherSite({ via, path: this.path.value.trim() || '/', body: via.endsWith('post') ? this.body.value : undefined }, user.id);
      if (!out) return;
      if ('error' in out) {
        replace(this.result, h('p', { class: 'slp-error' }, t('actor.site.badPath', { message: out.error })));
        return;
      }
      if (out.entry.kind === 'failed') {
        replace(this.result, h('p', { class: 'slp-error' }, t('actor.site.failed', { message: out.entry.error.message })), cookieDecision(t, lang, out.attempt.cookies));
        return;
      }
      const exchange = out.entry.exchange;
      replace(
        this.result,
        h('p', {}, t('actor.site.done', { status: exchange.response.status, name: user.name })),
        cookieDecision(t, lang, exchange.cookies),
        h('p', { class: 'slp-muted' }, t(exchange.actor?.initiatorCanRead ? 'actor.site.canRead' : 'actor.site.cannotRead')),
      );
    } finally {
      this.busy = false;
    }
  }
}
