/**
 * The request bar (method, path, form body, Send) and, under it, the loaded routes as shortcuts.
 */
import { h, replace } from '../dom.ts';
import type { ViewContext } from './context.ts';
import { button } from './controls.ts';
import { Panel } from './panel.ts';

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD'];

export class RequestBar extends Panel {
  readonly form: HTMLFormElement;
  readonly routes = h('div', { class: 'slp-routes' });
  private readonly method: HTMLSelectElement;
  private readonly path: HTMLInputElement;
  private readonly body: HTMLTextAreaElement;
  private readonly bodyRow: HTMLElement;

  constructor(ctx: ViewContext) {
    super(ctx);
    const { c, t } = ctx;
    this.method = h(
      'select',
      { attrs: { 'aria-label': t('request.method') }, on: { change: () => { c.setRequest({ method: this.method.value }); this.syncBodyRow(); } } },
      METHODS.map((m) => h('option', { props: { value: m } }, m)),
    );
    this.path = h('input', {
      class: 'slp-path',
      attrs: { type: 'text', 'aria-label': t('request.path'), spellcheck: 'false', autocomplete: 'off', autocapitalize: 'off' },
      on: { input: () => c.setRequest({ path: this.path.value }) },
    });
    this.body = h('textarea', {
      class: 'slp-body-input',
      attrs: { rows: 2, 'aria-label': t('request.body'), placeholder: t('request.bodyHint'), spellcheck: 'false' },
      on: { input: () => c.setRequest({ body: this.body.value }) },
    });
    this.bodyRow = h('label', { class: 'slp-body-row' }, h('span', {}, t('request.body')), this.body);
    this.form = h(
      'form',
      { class: 'slp-request', attrs: { 'aria-label': t('request.label') } },
      h('div', { class: 'slp-request-line' }, this.method, this.path, h('button', { class: 'slp-button slp-send', attrs: { type: 'submit' } }, t('request.send'))),
      this.bodyRow,
    );
    this.form.addEventListener('submit', (e) => {
      e.preventDefault();
      this.send();
    });
  }

  /** Sends what the bar holds, as the selected user, and shows that user the newest response. */
  send(): void {
    const c = this.ctx.c;
    let path = this.path.value.trim() || '/';
    if (!path.startsWith('/')) path = `/${path}`;
    c.setRequest({ path, method: this.method.value, body: this.body.value });
    const user = c.selectedId;
    this.ctx.viewing.delete(user);
    void c.send({}, user);
  }

  /** The fields take the controller's draft (start, reset, a restored link). */
  sync(): void {
    const r = this.ctx.c.request;
    this.method.value = METHODS.includes(r.method) ? r.method : 'GET';
    this.path.value = r.path;
    this.body.value = r.body;
    this.syncBodyRow();
  }

  renderRoutes(): void {
    const { c, t } = this.ctx;
    const routes = c.routes;
    replace(
      this.routes,
      h('span', { class: 'slp-muted' }, t('request.routes'), ': '),
      routes.length === 0
        ? h('span', { class: 'slp-muted' }, t('request.noRoutes'))
        : routes.map((r) => {
            // A route with parameters (":id", "*") needs a concrete path first: focus the field.
            const concrete = !/[:*]/.test(r.path);
            const label = `${r.method === 'ALL' ? '' : `${r.method} `}${r.path}`;
            const pick = () => {
              const method = METHODS.includes(r.method) ? r.method : 'GET';
              this.method.value = method;
              this.path.value = r.path;
              this.syncBodyRow();
              c.setRequest({ method, path: r.path });
              if (concrete && method === 'GET') this.send();
              else this.path.focus();
            };
            return button(label, pick, { class: 'slp-route', fk: `route-${r.method}-${r.path}` });
          }),
    );
  }

  /** GET and HEAD carry no body. */
  private syncBodyRow(): void {
    const m = this.method.value;
    this.bodyRow.hidden = m === 'GET' || m === 'HEAD';
  }
}
