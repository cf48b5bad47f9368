/**
 * The script actor (XSS): code injected into a page of the app reads `document.cookie` in the chosen
 * user's browser, and may write to it. The reading is redrawn whenever the jar changes, so turning
 * SESSION_COOKIE_HTTPONLY off and making a request shows the session cookie appear here.
 */
import { actorForm, labelled } from './controls.ts';
import { h, replace, uid } from '../dom.ts';
import { reasonText } from '../strings.ts';
import type { ViewContext } from './context.ts';
import { changeReason } from './format.ts';
import { Panel } from './panel.ts';

export class ScriptAttack extends Panel {
  readonly el: HTMLElement;
  private readonly page: HTMLInputElement;
  private readonly write: HTMLInputElement;
  private readonly reading = h('div', { class: 'slp-attack-result', attrs: { role: 'status', 'aria-live': 'polite' } });
  private readonly written = h('p', { class: 'slp-attack-written', attrs: { role: 'status' } });
  /** The page last read, so the reading follows the jar; null until the reader asks. */
  private readPath: string | null = null;

  constructor(ctx: ViewContext) {
    super(ctx);
    const { t, c } = ctx;
    const id = uid('slp-script');
    this.page = h('input', { attrs: { id: `${id}-page`, type: 'text', spellcheck: 'false', autocomplete: 'off' }, props: { value: c.example.startPath || '/' } });
    this.write = h('input', { attrs: { id: `${id}-write`, type: 'text', spellcheck: 'false', autocomplete: 'off', placeholder: 'robado=1; Path=/' } });
    this.el = h(
      'div',
      { class: 'slp-attack slp-attack-script' },
      h('p', { class: 'slp-muted' }, t('actor.script.help')),
      actorForm(
        () => {
          this.readPath = this.page.value;
          this.render();
        },
        labelled(t('actor.script.page'), this.page),
        h('button', { class: 'slp-button slp-attack-read', attrs: { type: 'submit' } }, t('actor.script.read')),
      ),
      this.reading,
      actorForm(
        () => this.doWrite(),
        labelled(t('actor.script.writeLabel'), this.write),
        h('button', { class: 'slp-button slp-attack-write', attrs: { type: 'submit' } }, t('actor.script.write')),
      ),
      this.written,
    );
  }

  private doWrite(): void {
    const { c, t, lang } = this.ctx;
    const text = this.write.value;
    if (text.trim() === '') return;
    const change = c.writeDocumentCookie(this.page.value, text);
    if (!change) return;
    this.written.textContent = change.kind === 'rejected' ? t('actor.script.refused', { reason: changeReason(t, change, lang) }) : t('actor.script.written');
    this.readPath ??= this.page.value;
    this.render();
  }

  render(): void {
    if (this.readPath === null) return;
    const { c, t, lang } = this.ctx;
    const view = c.documentCookie(this.readPath);
    if (!view) return;
    replace(
      this.reading,
      h('p', {}, t('actor.script.result')),
      h('pre', { class: 'slp-code slp-document-cookie' }, h('code', {}, view.documentCookie === '' ? t('actor.script.empty') : view.documentCookie)),
      view.hidden.length > 0
        ? h(
            'ul',
            { class: 'slp-decision' },
            view.hidden.map((c2) =>
              h('li', { class: 'slp-muted' }, t('actor.script.hidden', { name: c2.name, reason: c2.reason === 'httponly' ? t('actor.script.httponly') : reasonText(t, c2.reason, c2.reason, lang) })),
            ),
          )
        : null,
    );
  }
}
