/**
 * The left column: the reader's routes (editor) and, where the example has one, its Flask twin, as
 * two tabs; under the editor, whether the routes loaded or why not.
 */
import { h, uid } from '../dom.ts';
import type { ViewContext } from './context.ts';
import { arrowKeys } from './controls.ts';
import type { EditorPane } from './editor-pane.ts';
import { knownKey } from './format.ts';
import { Panel } from './panel.ts';

export class ServerPanel extends Panel {
  readonly el: HTMLElement;
  readonly status = h('p', { class: 'slp-status', attrs: { role: 'status' } });
  private readonly editor: EditorPane;

  constructor(ctx: ViewContext, editor: EditorPane, keysId: string) {
    super(ctx);
    this.editor = editor;
    const { c, t } = ctx;
    const id = uid('slp-server');
    const tab = (name: string, label: string, selected: boolean) =>
      h('button', {
        class: 'slp-tab',
        attrs: { role: 'tab', type: 'button', 'aria-selected': String(selected), id: `${id}-${name}`, 'aria-controls': `${id}-${name}-panel`, tabindex: selected ? false : -1 },
      }, label);
    const codeTab = tab('code', t('server.tabCode'), true);
    const flaskTab = tab('flask', t('server.tabFlask'), false);
    const codePanel = h(
      'div',
      { attrs: { role: 'tabpanel', id: `${id}-code-panel`, 'aria-labelledby': codeTab.id } },
      editor.message,
      editor.box,
      editor.printCopy,
      this.status,
      h('p', { class: 'slp-keys', attrs: { id: keysId } }, t('editor.keys')),
    );
    const flaskPanel = h(
      'div',
      { attrs: { role: 'tabpanel', id: `${id}-flask-panel`, 'aria-labelledby': flaskTab.id }, props: { hidden: true } },
      h('pre', { class: 'slp-code slp-flask', attrs: { tabindex: 0 } }, h('code', {}, c.example.flask ?? '')),
    );
    const select = (flask: boolean) => {
      codeTab.setAttribute('aria-selected', String(!flask));
      flaskTab.setAttribute('aria-selected', String(flask));
      codeTab.tabIndex = flask ? -1 : 0;
      flaskTab.tabIndex = flask ? 0 : -1;
      codePanel.hidden = flask;
      flaskPanel.hidden = !flask;
    };
    codeTab.addEventListener('click', () => select(false));
    flaskTab.addEventListener('click', () => select(true));
    const tabs = h('div', { class: 'slp-tabs', attrs: { role: 'tablist', 'aria-label': t('server.title') } }, codeTab, c.example.flask ? flaskTab : null);
    arrowKeys(tabs, (i) => select(i === 1));
    this.el = h(
      'section',
      { class: 'slp-server', attrs: { 'aria-label': t('server.title') } },
      h('h2', { class: 'slp-heading' }, t('server.title')),
      tabs,
      codePanel,
      flaskPanel,
    );
  }

  renderStatus(): void {
    const { c, t } = this.ctx;
    const load = c.load;
    this.status.classList.toggle('slp-error', load.status === 'error');
    if (load.status === 'loading') this.status.textContent = t('server.loading');
    else if (load.status === 'ok') this.status.textContent = load.routes.length === 1 ? t('server.loaded1') : t('server.loaded', { count: load.routes.length });
    else {
      const kindKey = knownKey('server.kind', load.error.kind);
      const kind = kindKey ? t(kindKey) : load.error.kind;
      const text = load.error.line
        ? t('server.error', { kind, line: load.error.line, message: load.error.message })
        : t('server.errorNoLine', { kind, message: load.error.message });
      this.status.textContent = `${text} ${load.routes.length > 0 && !load.replaced ? t('server.keptPrevious') : ''}`.trim();
    }
    this.editor.markLoadError();
  }
}
