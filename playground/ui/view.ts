/**
 * The playground's DOM. Left column: the server (the reader's routes); right column: the browsers
 * (one tab per simulated user, request bar, response, session trace, cookie jar, timeline). The view
 * only reads the controller and calls its actions; it re-renders the parts a change touches.
 *
 * Every piece of reader output goes in with textContent (see dom.ts); an HTML body can be previewed
 * only inside an iframe with an empty `sandbox` attribute (no scripts, opaque origin).
 */
import type { JarChange, StoredCookie } from '../engine/cookies/index.ts';
import type { HeaderList } from '../engine/wire.ts';
import { runChecks } from './checks.ts';
import type { CheckResult } from './checks.ts';
import type { ChangeTopic, PlaygroundController, TimelineEntry } from './controller.ts';
import { createPlainEditor, loadMonaco, prefersPlainEditor } from './editor.ts';
import type { CodeEditor } from './editor.ts';
import { h, replace, truncate, uid } from './dom.ts';
import { inspectSessionCookie, toPythonRepr } from './engine-session.ts';
import { encodeShare, MAX_LINK_CHARS } from './persist.ts';
import { isValidCookieName } from './snapshot.ts';
import { reasonText, STRINGS, translator } from './strings.ts';
import type { Lang, StringKey, Translate } from './strings.ts';

export type Mode = 'full' | 'lesson' | 'embed';

export interface ViewOptions {
  root: HTMLElement;
  controller: PlaygroundController;
  lang: Lang;
  mode: Mode;
  /** For the example picker (full mode). */
  examples?: { id: string; title: string }[];
  onPickExample?: (id: string) => void;
  /** Base URL of the embed page for this example (Embed button). */
  embedUrl?: string;
  /** The static highlighted code already in the page, kept until an editor replaces it. */
  staticCode?: HTMLElement | null;
  /**
   * Full mode opens Monaco by itself once this settles (the first load of the routes): parsing
   * Monaco's 1 MB would otherwise compete with the sandbox start for the first response.
   */
  editorAfter?: Promise<unknown>;
}

const BODY_LIMIT = 20_000;
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD'];
const CLOCK_STEPS: [StringKey, number][] = [
  ['clock.plus1m', 60],
  ['clock.plus1h', 3600],
  ['clock.plus1d', 86400],
  ['clock.plus31d', 31 * 86400],
];

function header(headers: HeaderList, name: string): string | undefined {
  return headers.find(([n]) => n.toLowerCase() === name)?.[1];
}

function formatOffset(seconds: number): string {
  if (seconds === 0) return '+0 s';
  const sign = seconds < 0 ? '−' : '+';
  let s = Math.abs(seconds);
  const d = Math.floor(s / 86400);
  s -= d * 86400;
  const hh = Math.floor(s / 3600);
  s -= hh * 3600;
  const m = Math.floor(s / 60);
  s -= m * 60;
  const parts = [d && `${d} d`, hh && `${hh} h`, m && `${m} min`, s && `${s} s`].filter(Boolean);
  return sign + parts.join(' ');
}

function formatDate(unix: number, lang: Lang): string {
  const d = new Date(unix * 1000);
  if (Number.isNaN(d.getTime())) return String(unix);
  return `${d.toISOString().slice(0, 19).replace('T', ' ')} UTC`.replace(/^/, lang === 'es' ? '' : '');
}

function changeKey(c: { name: string; domain: string; path: string }): string {
  return `${c.name}\u0000${c.domain}\u0000${c.path}`;
}

export class PlaygroundView {
  private readonly c: PlaygroundController;
  private readonly t: Translate;
  private readonly lang: Lang;
  private readonly mode: Mode;
  private readonly root: HTMLElement;
  private readonly opts: ViewOptions;

  private editor: CodeEditor | null = null;
  private editorLoading = false;
  /** Opens Monaco (desktop); set by startEditor. */
  private openMonaco: (() => void) | null = null;
  private plainToggle: HTMLButtonElement | null = null;
  private unsubscribe: () => void;

  // Regions re-rendered on change.
  private notices = h('div', { class: 'slp-notices' });
  private status = h('p', { class: 'slp-status', attrs: { role: 'status' } });
  private editorBox = h('div', { class: 'slp-editor' });
  private editorMessage = h('p', { class: 'slp-editor-message', attrs: { 'aria-live': 'polite' } });
  private userTabs = h('div', { class: 'slp-user-tabs', attrs: { role: 'tablist' } });
  private panel = h('div', { class: 'slp-user-panel', attrs: { role: 'tabpanel' } });
  private clockRow = h('div', { class: 'slp-clock' });
  private routesRow = h('div', { class: 'slp-routes' });
  private response = h('section', { class: 'slp-response', attrs: { role: 'region', 'aria-live': 'polite' } });
  private jar = h('section', { class: 'slp-jar' });
  private timeline = h('section', { class: 'slp-timeline' });
  private exercise = h('section', { class: 'slp-exercise' });
  private settingsPanel = h('div', { class: 'slp-drawer', props: { hidden: true } });
  private sharePanel = h('div', { class: 'slp-drawer', props: { hidden: true } });
  private keyInput!: HTMLInputElement;
  private methodSelect!: HTMLSelectElement;
  private pathInput!: HTMLInputElement;
  private bodyInput!: HTMLTextAreaElement;
  private bodyRow!: HTMLElement;

  /** Per user: the timeline entry shown in the response view (default: the newest). */
  private viewing = new Map<string, number>();
  /** Which cookie is being edited by hand, and how. */
  private editing: { user: string; key: string; mode: 'value' | 'payload'; error?: string } | null = null;
  private toolMessage = '';
  private htmlPreview = false;
  private checkResults: CheckResult[] | null = null;
  private checksRunning = false;
  private keysId = uid('slp-keys');
  private panelId = uid('slp-panel');

  constructor(opts: ViewOptions) {
    this.opts = opts;
    this.c = opts.controller;
    this.lang = opts.lang;
    this.t = translator(opts.lang);
    this.mode = opts.mode;
    this.root = opts.root;
    this.build();
    this.unsubscribe = this.c.subscribe((topic) => this.update(topic));
    this.update('all');
  }

  dispose(): void {
    this.unsubscribe();
    this.editor?.dispose();
    this.root.replaceChildren();
  }

  // ------------------------------------------------------------------ layout

  private build(): void {
    const t = this.t;
    const full = this.mode === 'full';
    this.response.setAttribute('aria-label', t('response.label'));
    this.panel.id = this.panelId;

    const serverTabsId = uid('slp-server');
    const codeTab = h('button', { class: 'slp-tab', attrs: { role: 'tab', type: 'button', 'aria-selected': 'true', id: `${serverTabsId}-code`, 'aria-controls': `${serverTabsId}-code-panel` } }, t('server.tabCode'));
    const flaskTab = h('button', { class: 'slp-tab', attrs: { role: 'tab', type: 'button', 'aria-selected': 'false', id: `${serverTabsId}-flask`, 'aria-controls': `${serverTabsId}-flask-panel`, tabindex: -1 } }, t('server.tabFlask'));
    const codePanel = h(
      'div',
      { attrs: { role: 'tabpanel', id: `${serverTabsId}-code-panel`, 'aria-labelledby': codeTab.id } },
      this.editorMessage,
      this.editorBox,
      this.status,
      h('p', { class: 'slp-keys', attrs: { id: this.keysId } }, t('editor.keys')),
    );
    const flaskPanel = h(
      'div',
      { attrs: { role: 'tabpanel', id: `${serverTabsId}-flask-panel`, 'aria-labelledby': flaskTab.id }, props: { hidden: true } },
      h('pre', { class: 'slp-code slp-flask', attrs: { tabindex: 0 } }, h('code', {}, this.c.example.flask ?? '')),
    );
    const selectServerTab = (flask: boolean) => {
      codeTab.setAttribute('aria-selected', String(!flask));
      flaskTab.setAttribute('aria-selected', String(flask));
      codeTab.tabIndex = flask ? -1 : 0;
      flaskTab.tabIndex = flask ? 0 : -1;
      codePanel.hidden = flask;
      flaskPanel.hidden = !flask;
    };
    codeTab.addEventListener('click', () => selectServerTab(false));
    flaskTab.addEventListener('click', () => selectServerTab(true));
    const serverTabs = h('div', { class: 'slp-tabs', attrs: { role: 'tablist', 'aria-label': t('server.title') } }, codeTab, this.c.example.flask ? flaskTab : null);
    arrowKeys(serverTabs, (i) => selectServerTab(i === 1));

    const server = h(
      'section',
      { class: 'slp-server', attrs: { 'aria-label': t('server.title') } },
      h('h2', { class: 'slp-heading' }, t('server.title')),
      serverTabs,
      codePanel,
      flaskPanel,
    );

    const browsers = h(
      'section',
      { class: 'slp-browsers', attrs: { 'aria-label': t('browsers.title') } },
      h('h2', { class: 'slp-heading' }, t('browsers.title')),
      h('div', { class: 'slp-users' }, this.userTabs, this.addUserButton()),
      this.panel,
    );
    this.panel.append(this.clockRow, this.requestBar(), this.routesRow, this.response, this.jar, this.timeline);

    this.root.classList.add('slp');
    this.root.dataset.mode = this.mode;
    replace(
      this.root,
      this.notices,
      this.toolbar(full),
      this.settingsPanel,
      this.sharePanel,
      h('div', { class: 'slp-columns' }, server, browsers),
      this.c.example.checks.length > 0 || this.c.example.goal ? this.exercise : null,
    );
    this.startEditor();
  }

  private toolbar(full: boolean): HTMLElement {
    const t = this.t;
    const items: HTMLElement[] = [];
    if (full && this.opts.examples && this.opts.examples.length > 1) {
      const select = h(
        'select',
        { on: { change: () => this.opts.onPickExample?.(select.value) } },
        this.opts.examples.map((e) => h('option', { props: { value: e.id, selected: e.id === this.c.example.id } }, e.title)),
      );
      items.push(h('label', { class: 'slp-field' }, h('span', {}, t('toolbar.example')), select));
    }
    this.keyInput = h('input', {
      class: 'slp-key',
      attrs: { type: 'text', spellcheck: 'false', autocomplete: 'off' },
      props: { value: this.c.settings.SECRET_KEY },
      on: { change: () => this.c.setSettings({ SECRET_KEY: this.keyInput.value }) },
    });
    items.push(h('label', { class: 'slp-field slp-field-key' }, h('span', {}, t('toolbar.secretKey')), this.keyInput));
    const settingsButton = h('button', { class: 'slp-button', attrs: { type: 'button', 'aria-expanded': 'false' } }, '⚙ ', t('toolbar.settings'));
    settingsButton.addEventListener('click', () => {
      const open = this.settingsPanel.hidden;
      this.settingsPanel.hidden = !open;
      settingsButton.setAttribute('aria-expanded', String(open));
      if (open) this.renderSettings();
    });
    items.push(settingsButton);
    items.push(
      h('button', {
        class: 'slp-button',
        attrs: { type: 'button' },
        on: {
          click: () => {
            if (confirm(t('toolbar.resetConfirm'))) {
              this.c.reset();
              this.editor?.setValue(this.c.code);
            }
          },
        },
      }, t('toolbar.reset')),
    );
    items.push(h('button', { class: 'slp-button', attrs: { type: 'button' }, on: { click: () => this.share() } }, t('toolbar.share')));
    if (this.opts.embedUrl) items.push(h('button', { class: 'slp-button', attrs: { type: 'button' }, on: { click: () => this.embed() } }, t('toolbar.embed')));
    if (!prefersPlainEditor()) {
      // A way to a simple textarea on desktop too: screen readers, slow machines, or taste.
      this.plainToggle = h('button', { class: 'slp-button', attrs: { type: 'button', 'aria-pressed': 'false' }, on: { click: () => this.togglePlain() } }, t('toolbar.plainEditor'));
      items.push(this.plainToggle);
    }
    return h('div', { class: 'slp-toolbar', attrs: { role: 'group', 'aria-label': t('toolbar.label') } }, items);
  }

  private addUserButton(): HTMLElement {
    return h('button', {
      class: 'slp-button slp-add-user',
      attrs: { type: 'button', 'aria-label': this.t('browsers.addUser'), title: this.t('browsers.addUser') },
      on: { click: () => this.c.addUser() },
    }, '+');
  }

  private requestBar(): HTMLElement {
    const t = this.t;
    this.methodSelect = h(
      'select',
      { attrs: { 'aria-label': t('request.method') }, on: { change: () => { this.c.setRequest({ method: this.methodSelect.value }); this.syncBodyRow(); } } },
      METHODS.map((m) => h('option', { props: { value: m } }, m)),
    );
    this.pathInput = h('input', {
      class: 'slp-path',
      attrs: { type: 'text', 'aria-label': t('request.path'), spellcheck: 'false', autocomplete: 'off', autocapitalize: 'off' },
      on: { input: () => this.c.setRequest({ path: this.pathInput.value }) },
    });
    this.bodyInput = h('textarea', {
      class: 'slp-body-input',
      attrs: { rows: 2, 'aria-label': t('request.body'), placeholder: t('request.bodyHint'), spellcheck: 'false' },
      on: { input: () => this.c.setRequest({ body: this.bodyInput.value }) },
    });
    this.bodyRow = h('label', { class: 'slp-body-row' }, h('span', {}, t('request.body')), this.bodyInput);
    const form = h(
      'form',
      { class: 'slp-request', attrs: { 'aria-label': t('request.label') } },
      h('div', { class: 'slp-request-line' }, this.methodSelect, this.pathInput, h('button', { class: 'slp-button slp-send', attrs: { type: 'submit' } }, t('request.send'))),
      this.bodyRow,
    );
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      this.sendCurrent();
    });
    return form;
  }

  private syncBodyRow(): void {
    const m = this.methodSelect.value;
    this.bodyRow.hidden = m === 'GET' || m === 'HEAD';
  }

  private sendCurrent(): void {
    let path = this.pathInput.value.trim() || '/';
    if (!path.startsWith('/')) path = `/${path}`;
    this.c.setRequest({ path, method: this.methodSelect.value, body: this.bodyInput.value });
    const user = this.c.selectedId;
    this.viewing.delete(user);
    void this.c.send({}, user);
  }

  // ------------------------------------------------------------------ editor

  private startEditor(): void {
    const t = this.t;
    const staticCode = this.opts.staticCode;
    const plain = prefersPlainEditor() || new URLSearchParams(location.search).get('editor') === 'plain';
    const options = {
      container: this.editorBox,
      code: this.c.code,
      label: t('editor.label'),
      describedBy: this.keysId,
      onChange: (code: string) => this.c.setCode(code),
      onSubmit: () => this.sendCurrent(),
    };
    const usePlain = () => {
      this.editor?.dispose();
      this.editor = createPlainEditor({ ...options, code: this.c.code });
      this.plainToggle?.setAttribute('aria-pressed', 'true');
      this.markLoadError();
    };
    this.usePlain = usePlain;
    if (plain) {
      usePlain();
      return;
    }
    // Readable code first: the static highlighted copy stays until Monaco is ready.
    if (staticCode) this.editorBox.replaceChildren(staticCode);
    else usePlain();
    const open = () => {
      if (this.editorLoading || this.editor?.kind === 'monaco') return;
      this.editorLoading = true;
      this.editorMessage.textContent = t('editor.loading');
      this.editorBox.setAttribute('aria-busy', 'true');
      loadMonaco({ ...options, code: this.c.code })
        .then((editor) => {
          if (this.editor?.kind === 'plain' && this.plainToggle?.getAttribute('aria-pressed') === 'true' && !this.wantMonaco) {
            // The reader switched to the plain editor while Monaco was loading.
            editor.dispose();
            return;
          }
          this.wantMonaco = false;
          this.editor?.dispose();
          this.editor = editor;
          this.plainToggle?.setAttribute('aria-pressed', 'false');
          this.editorMessage.textContent = '';
          this.markLoadError();
        })
        .catch((e: unknown) => {
          this.editorMessage.textContent = t('editor.failed', { message: e instanceof Error ? e.message : String(e) });
          this.editorMessage.classList.add('slp-error');
          if (!this.editor) usePlain();
        })
        .finally(() => {
          this.editorLoading = false;
          this.editorBox.removeAttribute('aria-busy');
        });
    };
    this.openMonaco = open;
    if (this.mode === 'full') {
      const after = this.opts.editorAfter ?? Promise.resolve();
      const idle = () => ('requestIdleCallback' in window ? requestIdleCallback(() => open(), { timeout: 1000 }) : setTimeout(open, 0));
      void Promise.race([after, new Promise((r) => setTimeout(r, 4000))]).then(idle, idle);
      return;
    }
    // Lessons: Monaco (1 MB) only when the reader asks for it; the plain editor is one click away too.
    const button = h('button', { class: 'slp-button slp-open-editor', attrs: { type: 'button' }, on: { click: () => { this.wantMonaco = true; open(); } } }, t('editor.open'));
    this.editorMessage.replaceChildren(button);
  }

  private usePlain: (() => void) | null = null;
  private wantMonaco = false;

  private togglePlain(): void {
    if (this.editor?.kind === 'monaco' || this.plainToggle?.getAttribute('aria-pressed') !== 'true') {
      this.usePlain?.();
      this.editor?.focus();
    } else {
      this.wantMonaco = true;
      this.openMonaco?.();
    }
  }

  private markLoadError(): void {
    const load = this.c.load;
    this.editor?.setError(load.status === 'error' ? load.error : null);
  }

  // ------------------------------------------------------------------ updates

  private update(topic: ChangeTopic): void {
    if (topic === 'request') return;
    if (topic === 'all') {
      this.keyInput.value = this.c.settings.SECRET_KEY;
      this.methodSelect.value = METHODS.includes(this.c.request.method) ? this.c.request.method : 'GET';
      this.pathInput.value = this.c.request.path;
      this.bodyInput.value = this.c.request.body;
      this.syncBodyRow();
      if (this.editor && this.editor.getValue() !== this.c.code) this.editor.setValue(this.c.code);
    }
    if (topic === 'code') {
      if (this.editor && this.editor.getValue() !== this.c.code) this.editor.setValue(this.c.code);
      return;
    }
    if (topic === 'settings') {
      if (document.activeElement !== this.keyInput) this.keyInput.value = this.c.settings.SECRET_KEY;
      if (!this.settingsPanel.hidden) this.renderSettings();
    }
    this.renderNotices();
    this.renderStatus();
    this.renderUsers();
    this.renderClock();
    this.renderRoutes();
    this.renderResponse();
    this.renderJar();
    this.renderTimeline();
    this.renderExercise();
  }

  private renderNotices(): void {
    const t = this.t;
    replace(
      this.notices,
      this.c.notices.map((n, i) => {
        const close = h('button', { class: 'slp-link-button', attrs: { type: 'button', 'aria-label': t('common.close') }, on: { click: () => this.c.dismissNotice(i) } }, '×');
        let text = '';
        const extra: HTMLElement[] = [];
        let error = true;
        switch (n.kind) {
          case 'saved-corrupt':
            text = t('saved.corrupt', { reason: n.reason });
            extra.push(h('button', { class: 'slp-button', attrs: { type: 'button' }, on: { click: () => void navigator.clipboard?.writeText(n.text) } }, t('saved.copyCorrupt')));
            break;
          case 'storage-unavailable':
            text = t('saved.unavailable');
            break;
          case 'link-broken':
            text = t('link.broken', { reason: n.reason });
            break;
          case 'link-unknown-example':
            text = t('link.unknownExample', { id: n.id });
            break;
          case 'link-restored':
            error = false;
            text = t('link.restored') + (n.previousKeptAt ? ` ${t('link.previousKept')}` : '');
            if (n.previousKeptAt) {
              const key = n.previousKeptAt;
              extra.push(
                h('button', {
                  class: 'slp-button',
                  attrs: { type: 'button' },
                  on: { click: () => this.restorePrevious(key) },
                }, t('link.restorePrevious')),
              );
            }
            break;
        }
        return h('div', { class: `slp-notice${error ? ' slp-notice-error' : ''}`, attrs: { role: error ? 'alert' : 'status' } }, h('span', {}, text), extra, close);
      }),
    );
  }

  private restorePrevious(key: string): void {
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

  private renderStatus(): void {
    const t = this.t;
    const load = this.c.load;
    this.status.classList.toggle('slp-error', load.status === 'error');
    if (load.status === 'loading') this.status.textContent = t('server.loading');
    else if (load.status === 'ok') this.status.textContent = load.routes.length === 1 ? t('server.loaded1') : t('server.loaded', { count: load.routes.length });
    else {
      const kindKey = `server.kind.${load.error.kind}` as StringKey;
      const kind = kindKey in { ...STRING_KINDS } ? t(kindKey) : load.error.kind;
      const text = load.error.line
        ? t('server.error', { kind, line: load.error.line, message: load.error.message })
        : t('server.errorNoLine', { kind, message: load.error.message });
      this.status.textContent = `${text} ${load.routes.length > 0 ? t('server.keptPrevious') : ''}`.trim();
    }
    this.markLoadError();
  }

  private renderUsers(): void {
    const t = this.t;
    const users = this.c.users;
    replace(
      this.userTabs,
      users.map((u) =>
        h('button', {
          class: 'slp-tab slp-user-tab',
          fk: `user-${u.id}`,
          attrs: {
            role: 'tab',
            type: 'button',
            'aria-selected': String(u.id === this.c.selectedId),
            'aria-controls': this.panelId,
            tabindex: u.id === this.c.selectedId ? 0 : -1,
          },
          on: { click: () => this.c.select(u.id) },
        }, u.name),
      ),
    );
    this.userTabs.setAttribute('aria-label', t('browsers.users'));
    arrowKeys(this.userTabs, (i) => {
      const u = users[i];
      if (u) this.c.select(u.id);
    });
    this.panel.setAttribute('aria-label', this.c.selected.name);
  }

  private renderClock(): void {
    const t = this.t;
    const now = this.c.clock.now();
    const expired = this.c.lastClockChanges;
    replace(
      this.clockRow,
      h('span', { class: 'slp-clock-label' }, t('clock.offset', { offset: formatOffset(this.c.clock.offset()) })),
      h('time', { class: 'slp-muted', attrs: { datetime: new Date(now * 1000).toISOString() } }, formatDate(now, this.lang)),
      h(
        'span',
        { class: 'slp-clock-buttons' },
        CLOCK_STEPS.map(([key, seconds]) =>
          h('button', {
            class: 'slp-button slp-small',
            fk: `clock-${seconds}`,
            attrs: { type: 'button', 'aria-label': t('clock.advance', { amount: t(key) }) },
            on: { click: () => this.c.advanceClock(seconds) },
          }, t(key)),
        ),
      ),
      expired
        ? h(
            'p',
            { class: 'slp-clock-result', attrs: { role: 'status' } },
            expired.length === 0
              ? t('clock.nothingExpired')
              : t('clock.expired', { names: expired.map((e) => `${e.change.name} (${e.user})`).join(', ') }),
          )
        : null,
    );
  }

  private renderRoutes(): void {
    const t = this.t;
    const routes = this.c.routes;
    replace(
      this.routesRow,
      h('span', { class: 'slp-muted' }, t('request.routes'), ': '),
      routes.length === 0
        ? h('span', { class: 'slp-muted' }, t('request.noRoutes'))
        : routes.map((r) => {
            const concrete = !/[:*]/.test(r.path);
            const label = `${r.method === 'ALL' ? '' : `${r.method} `}${r.path}`;
            return h('button', {
              class: 'slp-route',
              fk: `route-${r.method}-${r.path}`,
              attrs: { type: 'button' },
              on: {
                click: () => {
                  const method = METHODS.includes(r.method) ? r.method : 'GET';
                  this.methodSelect.value = method;
                  this.pathInput.value = r.path;
                  this.syncBodyRow();
                  this.c.setRequest({ method, path: r.path });
                  if (concrete && method === 'GET') this.sendCurrent();
                  else this.pathInput.focus();
                },
              },
            }, label);
          }),
    );
  }

  private currentEntry(): TimelineEntry | undefined {
    const user = this.c.selectedId;
    const list = this.c.timelines.get(user) ?? [];
    const seq = this.viewing.get(user);
    return seq === undefined ? list[list.length - 1] : list.find((e) => e.seq === seq) ?? list[list.length - 1];
  }

  private renderResponse(): void {
    const t = this.t;
    const entry = this.currentEntry();
    const heading = h('h3', { class: 'slp-subheading' }, t('response.label'));
    if (!entry) {
      replace(this.response, heading, h('p', { class: 'slp-muted' }, t('response.none')));
      return;
    }
    if (entry.kind === 'failed') {
      const url = new URL(entry.request.url);
      const key = entry.error.kind === 'timeout' ? 'response.timeout' : entry.error.kind === 'crash' ? 'response.crash' : 'response.failed';
      replace(
        this.response,
        heading,
        h('p', { class: 'slp-status-line slp-error' }, t(key, { method: entry.request.method, path: url.pathname + url.search, message: entry.error.message })),
        this.headersBlock(t('response.requestHeaders'), entry.request.headers, ['cookie'], true),
      );
      return;
    }
    const { request, response } = entry.exchange;
    const url = new URL(request.url);
    const contentType = header(response.headers, 'content-type') ?? '';
    const isHtml = /html/i.test(contentType);
    const body = truncate(response.body, BODY_LIMIT);
    const bodyView =
      isHtml && this.htmlPreview
        ? h('iframe', {
            class: 'slp-html-frame',
            attrs: { sandbox: '', title: t('response.htmlFrame'), referrerpolicy: 'no-referrer' },
            // An empty sandbox: no scripts, no forms, opaque origin. The CSP meta also blocks loads.
            props: { srcdoc: `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">${body.text}` },
          })
        : h('pre', { class: 'slp-body', attrs: { tabindex: 0 } }, body.text === '' ? h('span', { class: 'slp-muted' }, t('response.emptyBody')) : body.text);
    const toggle = isHtml
      ? h(
          'div',
          { class: 'slp-toggle', attrs: { role: 'group', 'aria-label': t('response.body') } },
          [false, true].map((html) =>
            h('button', {
              class: 'slp-button slp-small',
              fk: `html-${html}`,
              attrs: { type: 'button', 'aria-pressed': String(this.htmlPreview === html) },
              on: { click: () => { this.htmlPreview = html; this.renderResponse(); } },
            }, t(html ? 'response.asHtml' : 'response.asText')),
          ),
        )
      : null;
    replace(
      this.response,
      heading,
      h(
        'p',
        { class: `slp-status-line${response.status >= 400 ? ' slp-error' : ''}` },
        h('strong', {}, `${request.method} ${url.pathname}${url.search}`),
        ' → ',
        h('strong', {}, `${response.status} ${response.statusText}`),
        contentType ? h('span', { class: 'slp-muted' }, ` · ${contentType}`) : null,
      ),
      toggle,
      bodyView,
      body.cut ? h('p', { class: 'slp-muted' }, t('response.truncated', { shown: BODY_LIMIT, total: response.body.length })) : null,
      entry.error ? this.debuggerBlock(entry.error) : null,
      entry.logs.length > 0
        ? h('details', { class: 'slp-details', attrs: { open: true } }, h('summary', {}, t('response.logs')), h('pre', { class: 'slp-logs' }, entry.logs.join('\n')))
        : null,
      this.traceBlock(entry.trace),
      this.headersBlock(t('response.requestHeaders'), request.headers, ['cookie'], false),
      this.headersBlock(t('response.responseHeaders'), response.headers, ['set-cookie', 'vary'], false),
    );
  }

  private debuggerBlock(error: { message: string; line?: number; column?: number; stack?: string }): HTMLElement {
    const t = this.t;
    return h(
      'div',
      { class: 'slp-debugger' },
      h('strong', {}, t('response.debugger')),
      h('p', {}, error.message),
      error.line ? h('p', { class: 'slp-muted' }, t('response.atLine', { line: error.line, column: error.column ?? 1 })) : null,
      error.stack ? h('pre', { class: 'slp-logs' }, truncate(error.stack, 4000).text) : null,
    );
  }

  private headersBlock(title: string, headers: HeaderList, highlight: string[], open: boolean): HTMLElement {
    const t = this.t;
    const hasCookie = headers.some(([n]) => n.toLowerCase() === 'cookie');
    return h(
      'details',
      { class: 'slp-details', attrs: { open } },
      h('summary', {}, title),
      h(
        'dl',
        { class: 'slp-headers' },
        headers.map(([name, value]) =>
          h('div', { class: highlight.includes(name.toLowerCase()) ? 'slp-hl' : '' }, h('dt', {}, name), h('dd', {}, truncate(value, 4000).text)),
        ),
        highlight.includes('cookie') && !hasCookie ? h('div', {}, h('dd', { class: 'slp-muted' }, t('response.noCookieSent'))) : null,
      ),
    );
  }

  private traceBlock(raw: unknown): HTMLElement | null {
    const t = this.t;
    if (typeof raw !== 'object' || raw === null) return null;
    const trace = raw as { opened?: { result?: string }; flags?: Record<string, boolean>; action?: string; why?: string; vary?: boolean };
    const lines: string[] = [];
    const result = trace.opened?.result;
    if (result && `trace.opened.${result}` in STRING_KINDS_TRACE) lines.push(t(`trace.opened.${result}` as StringKey));
    const flags = trace.flags ?? {};
    const on = (['new', 'modified', 'accessed', 'permanent'] as const).filter((f) => flags[f]).map((f) => t(`trace.flag.${f}`));
    lines.push(t('trace.flags', { flags: on.length ? on.join(', ') : t('trace.flag.none') }));
    if (trace.action === 'set' || trace.action === 'delete' || trace.action === 'none') lines.push(t(`trace.action.${trace.action}`));
    if (trace.vary) lines.push(t('trace.vary'));
    return h(
      'div',
      { class: 'slp-trace' },
      h('h3', { class: 'slp-subheading' }, t('trace.title')),
      h('ul', {}, lines.map((l) => h('li', {}, l))),
      trace.why ? h('p', { class: 'slp-muted' }, t('trace.why', { why: `trace.why.${trace.why}` in STRINGS.es ? t(`trace.why.${trace.why}` as StringKey) : trace.why })) : null,
    );
  }

  // ------------------------------------------------------------------ cookie jar

  private renderJar(): void {
    const t = this.t;
    const user = this.c.selected;
    const cookies = this.c.cookies(user.id);
    const changes = this.c.lastChanges.get(user.id) ?? [];
    const changedKeys = new Map<string, JarChange>();
    for (const ch of changes) if (ch.kind === 'added' || ch.kind === 'changed') changedKeys.set(changeKey(ch), ch);
    const gone = changes.filter((ch) => ch.kind === 'deleted' || ch.kind === 'expired' || ch.kind === 'rejected');
    const cols: StringKey[] = [
      'cookies.col.name', 'cookies.col.value', 'cookies.col.domain', 'cookies.col.path', 'cookies.col.expires', 'cookies.col.size',
      'cookies.col.httpOnly', 'cookies.col.secure', 'cookies.col.sameSite',
    ];
    const rows: HTMLElement[] = [];
    // Decoded sessions and the edit form live under the table, not inside it: a phone scrolls the
    // table sideways, and these must stay readable without scrolling.
    const below: HTMLElement[] = [];
    for (const cookie of cookies) {
      const key = changeKey(cookie);
      const change = changedKeys.get(key);
      rows.push(this.cookieRow(cookie, change, cols.length));
      const editing = this.editing && this.editing.user === user.id && this.editing.key === key;
      below.push(
        h(
          'div',
          { class: 'slp-cookie-card' },
          cookie.name === this.c.settings.SESSION_COOKIE_NAME ? this.decodedRow(cookie, cols.length) : h('p', { class: 'slp-decoded-title' }, h('code', {}, cookie.name)),
          this.cookieTools(cookie),
          editing ? this.editRow(cookie, cols.length) : null,
        ),
      );
    }
    const lastEntry = this.c.lastEntry(user.id);
    replace(
      this.jar,
      h('h3', { class: 'slp-subheading' }, t('cookies.title', { name: user.name })),
      changes.length > 0
        ? h(
            'ul',
            { class: 'slp-changes' },
            changes.map((ch) =>
              h('li', { class: `slp-change slp-change-${ch.kind}` }, h('span', { class: 'slp-badge' }, `● ${t(`change.${ch.kind}`)}`), ' ', h('code', {}, ch.name), ch.kind === 'added' || ch.kind === 'changed' ? null : ` — ${changeReason(t, ch)}`),
            ),
          )
        : lastEntry && lastEntry.kind === 'exchange'
          ? h('p', { class: 'slp-muted' }, t('change.none'))
          : null,
      gone.length > 0 && cookies.length === 0 ? null : null,
      this.toolMessage ? h('p', { class: 'slp-tool-message', attrs: { role: 'status' } }, this.toolMessage) : null,
      h(
        'div',
        { class: 'slp-table-wrap', attrs: { tabindex: 0, role: 'group', 'aria-label': t('cookies.title', { name: user.name }) } },
        h(
          'table',
          { class: 'slp-cookies', attrs: { 'aria-label': t('cookies.label') } },
          h('thead', {}, h('tr', {}, cols.map((k) => h('th', { attrs: { scope: 'col' } }, t(k))))),
          h('tbody', {}, rows.length > 0 ? rows : h('tr', {}, h('td', { attrs: { colspan: cols.length }, class: 'slp-muted' }, t('cookies.empty')))),
        ),
      ),
      below,
      h(
        'div',
        { class: 'slp-user-tools' },
        h('button', { class: 'slp-button', fk: 'close-browser', attrs: { type: 'button', title: t('browsers.closeBrowserHelp') }, on: { click: () => { this.toolMessage = ''; this.c.closeBrowser(user.id); } } }, t('browsers.closeBrowser')),
        this.c.users.length > 1
          ? h('button', { class: 'slp-button', fk: 'remove-user', attrs: { type: 'button' }, on: { click: () => this.c.removeUser(user.id) } }, t('browsers.removeUser', { name: user.name }))
          : null,
      ),
    );
  }

  private cookieRow(cookie: StoredCookie, change: JarChange | undefined, _cols: number): HTMLElement {
    const t = this.t;
    const now = this.c.clock.now();
    const expires =
      cookie.expires === null
        ? t('cookies.session')
        : `${formatDate(cookie.expires, this.lang)} (${formatOffset(cookie.expires - now).replace(/^\+/, '')})`;
    const sameSite = cookie.sameSiteDefaulted ? t('cookies.sameSiteDefault', { value: cookie.sameSite }) : cookie.sameSite;
    return h(
      'tr',
      { class: change ? `slp-row-${change.kind}` : '' },
      h('td', {}, h('code', {}, cookie.name), change ? h('span', { class: 'slp-badge' }, ` ● ${t(`change.${change.kind}`)}`) : null),
      h('td', { class: 'slp-value' }, h('code', { attrs: { title: cookie.value } }, cookie.value)),
      h('td', {}, cookie.hostOnly ? cookie.domain : `.${cookie.domain}`),
      h('td', {}, cookie.path),
      h('td', {}, expires),
      h('td', {}, String(cookie.size)),
      h('td', {}, cookie.httpOnly ? '✓' : ''),
      h('td', {}, cookie.secure ? '✓' : ''),
      h('td', {}, sameSite),
    );
  }

  /** DevTools-like tools for one cookie: edit, tamper, hijack, delete. */
  private cookieTools(cookie: StoredCookie): HTMLElement {
    const t = this.t;
    const user = this.c.selected;
    const key = changeKey(cookie);
    const others = this.c.users.filter((u) => u.id !== user.id);
    const isSession = cookie.name === this.c.settings.SESSION_COOKIE_NAME;
    const tool = (label: string, fk: string, onClick: () => void) =>
      h('button', { class: 'slp-button slp-small', fk: `${fk}-${key}`, attrs: { type: 'button' }, on: { click: onClick } }, label);
    return h(
      'div',
      { class: 'slp-tools', attrs: { role: 'group', 'aria-label': `${t('cookies.col.tools')}: ${cookie.name}` } },
      tool(t('cookies.edit'), 'edit', () => { this.editing = { user: user.id, key, mode: 'value' }; this.renderJar(); }),
      isSession ? tool(t('cookies.editPayload'), 'payload', () => { this.editing = { user: user.id, key, mode: 'payload' }; this.renderJar(); }) : null,
      others.map((o) =>
        tool(t('cookies.copyTo', { name: o.name }), `copy-${o.id}`, () => {
          this.c.copyCookie(user.id, o.id, cookie);
          this.toolMessage = t('cookies.copied', { cookie: cookie.name, name: o.name, from: user.name });
          this.renderJar();
        }),
      ),
      tool(t('cookies.delete'), 'delete', () => { this.toolMessage = ''; this.c.deleteCookie(user.id, cookie); }),
    );
  }

  private decodedRow(cookie: StoredCookie, _cols: number): HTMLElement {
    const t = this.t;
    const s = this.c.settings;
    const info = inspectSessionCookie(cookie.value, {
      secretKey: s.SECRET_KEY,
      fallbackKeys: s.SECRET_KEY_FALLBACKS,
      maxAge: s.PERMANENT_SESSION_LIFETIME,
      now: this.c.clock.now(),
    });
    let verdict: string;
    if (info.verdict.valid) verdict = info.verdict.verifiedBy.key === 'current' ? t('decoded.valid') : t('decoded.validFallback');
    else {
      const map: Record<string, StringKey> = {
        'bad-signature': 'decoded.invalid',
        expired: 'decoded.expired',
        malformed: 'decoded.malformed',
        'bad-payload': 'decoded.badPayload',
      };
      verdict = t(map[info.verdict.reason] ?? 'decoded.invalid');
    }
    const payload = info.data !== undefined ? toPythonRepr(info.data) : info.payloadJson ?? t('decoded.unreadable');
    return h(
      'div',
      { class: 'slp-decoded-block' },
      h('p', { class: 'slp-decoded-title' }, h('code', {}, cookie.name), ' · ', t('decoded.title')),
      h(
          'dl',
          { class: 'slp-decoded', attrs: { 'aria-label': t('decoded.title') } },
          h('div', {}, h('dt', {}, t('decoded.payload')), h('dd', {}, h('code', {}, payload), info.compressed ? h('span', { class: 'slp-muted' }, ` · ${t('decoded.compressed')}`) : null)),
          h('div', {}, h('dt', {}, t('decoded.timestamp')), h('dd', {}, info.timestamp !== null ? formatDate(info.timestamp, this.lang) : '—')),
          h('div', {}, h('dt', {}, t('decoded.signature')), h('dd', { class: info.verdict.valid ? 'slp-ok' : 'slp-error' }, verdict)),
        ),
    );
  }

  private editRow(cookie: StoredCookie, _cols: number): HTMLElement {
    const t = this.t;
    const editing = this.editing!;
    const payloadMode = editing.mode === 'payload';
    let initial = cookie.value;
    if (payloadMode) {
      const info = inspectSessionCookie(cookie.value, { secretKey: this.c.settings.SECRET_KEY });
      initial = info.payloadJson ?? '{}';
    }
    const input = h('textarea', {
      class: 'slp-edit-input',
      fk: 'edit-input',
      attrs: { rows: 3, spellcheck: 'false', 'aria-label': payloadMode ? t('cookies.payloadLabel') : t('cookies.valueLabel', { name: cookie.name }) },
      props: { value: initial },
    });
    const save = () => {
      const user = editing.user;
      let change: JarChange | null;
      try {
        change = payloadMode ? this.c.editPayload(user, cookie, input.value) : this.c.editCookie(user, cookie, input.value);
      } catch (e) {
        this.editing = { ...editing, error: t('cookies.badJson', { message: e instanceof Error ? e.message : String(e) }) };
        this.renderJar();
        return;
      }
      this.editing = null;
      this.toolMessage = change?.kind === 'rejected' ? t('cookies.rejectedEdit', { reason: changeReason(t, change) }) : '';
      this.renderJar();
    };
    queueMicrotask(() => input.focus());
    return h(
      'div',
      { class: 'slp-edit-row' },
      h(
        'div',
        {},
        h('label', {}, h('span', {}, payloadMode ? t('cookies.payloadLabel') : t('cookies.valueLabel', { name: cookie.name })), input),
        payloadMode ? h('p', { class: 'slp-muted' }, t('cookies.payloadHelp')) : null,
        editing.error ? h('p', { class: 'slp-error', attrs: { role: 'alert' } }, editing.error) : null,
        h('button', { class: 'slp-button', fk: 'edit-save', attrs: { type: 'button' }, on: { click: save } }, t('cookies.save')),
        h('button', { class: 'slp-button', fk: 'edit-cancel', attrs: { type: 'button' }, on: { click: () => { this.editing = null; this.renderJar(); } } }, t('cookies.cancel')),
      ),
    );
  }

  // ------------------------------------------------------------------ timeline

  private renderTimeline(): void {
    const t = this.t;
    const user = this.c.selected;
    const list = this.c.timelines.get(user.id) ?? [];
    const current = this.currentEntry();
    replace(
      this.timeline,
      h('h3', { class: 'slp-subheading' }, t('timeline.title', { name: user.name })),
      list.length === 0
        ? h('p', { class: 'slp-muted' }, t('timeline.empty'))
        : h(
            'ol',
            { class: 'slp-timeline-list' },
            list.map((entry, i) => {
              const req = entry.kind === 'exchange' ? entry.exchange.request : entry.request;
              const url = new URL(req.url);
              let result: string;
              if (entry.kind === 'failed') result = `✗ ${t('timeline.noResponse')}`;
              else {
                const sc = entry.exchange.changes.find((c) => c.name === this.c.settings.SESSION_COOKIE_NAME);
                const mark = sc ? (sc.kind === 'deleted' || sc.kind === 'expired' ? ` ${t('timeline.deleted')}` : sc.kind === 'rejected' ? ` ✗ ${t('change.rejected')}` : ` ${t('timeline.session')}`) : '';
                result = `${entry.exchange.response.status}${mark}`;
              }
              return h(
                'li',
                {},
                h('button', {
                  class: 'slp-timeline-item',
                  fk: `tl-${entry.seq}`,
                  attrs: { type: 'button', 'aria-current': entry === current ? 'true' : false },
                  on: {
                    click: () => {
                      this.viewing.set(user.id, entry.seq);
                      this.renderResponse();
                      this.renderTimeline();
                    },
                  },
                }, `${i + 1}. ${req.method} ${url.pathname}${url.search} → ${result}`),
              );
            }),
          ),
    );
  }

  // ------------------------------------------------------------------ settings, share, embed

  private renderSettings(): void {
    const t = this.t;
    const s = this.c.settings;
    const check = (key: 'SESSION_COOKIE_HTTPONLY' | 'SESSION_COOKIE_SECURE' | 'SESSION_REFRESH_EACH_REQUEST', label: StringKey) =>
      h(
        'label',
        { class: 'slp-check' },
        h('input', { fk: key, attrs: { type: 'checkbox' }, props: { checked: s[key] }, on: { change: (e) => this.c.setSettings({ [key]: (e.target as HTMLInputElement).checked }) } }),
        h('code', {}, t(label)),
      );
    const nameInput = h('input', {
      fk: 'name',
      attrs: { type: 'text', spellcheck: 'false' },
      props: { value: s.SESSION_COOKIE_NAME },
      on: {
        change: () => {
          if (isValidCookieName(nameInput.value)) this.c.setSettings({ SESSION_COOKIE_NAME: nameInput.value });
          else nameInput.setCustomValidity(t('settings.invalidName'));
          nameInput.reportValidity();
        },
        input: () => nameInput.setCustomValidity(''),
      },
    });
    const fallbacks = h('textarea', {
      fk: 'fallbacks',
      attrs: { rows: 2, spellcheck: 'false' },
      props: { value: s.SECRET_KEY_FALLBACKS.join('\n') },
      on: { change: () => this.c.setSettings({ SECRET_KEY_FALLBACKS: fallbacks.value.split('\n').map((l) => l.trim()).filter(Boolean) }) },
    });
    replace(
      this.settingsPanel,
      h('h3', { class: 'slp-subheading' }, t('settings.title')),
      h(
        'div',
        { class: 'slp-settings-grid' },
        check('SESSION_COOKIE_HTTPONLY', 'settings.httponly'),
        check('SESSION_COOKIE_SECURE', 'settings.secure'),
        check('SESSION_REFRESH_EACH_REQUEST', 'settings.refresh'),
        h(
          'label',
          { class: 'slp-field' },
          h('code', {}, t('settings.samesite')),
          h(
            'select',
            {
              fk: 'samesite',
              on: {
                change: (e) => {
                  const v = (e.target as HTMLSelectElement).value;
                  this.c.setSettings({ SESSION_COOKIE_SAMESITE: v === '' ? null : (v as 'Lax' | 'Strict' | 'None') });
                },
              },
            },
            h('option', { props: { value: '', selected: s.SESSION_COOKIE_SAMESITE === null } }, t('settings.samesiteNone')),
            ['Lax', 'Strict', 'None'].map((v) => h('option', { props: { value: v, selected: s.SESSION_COOKIE_SAMESITE === v } }, v)),
          ),
        ),
        h(
          'label',
          { class: 'slp-field' },
          h('code', {}, t('settings.lifetime')),
          h('input', {
            fk: 'lifetime',
            attrs: { type: 'number', min: 0, step: 1 },
            props: { value: String(s.PERMANENT_SESSION_LIFETIME) },
            on: { change: (e) => this.c.setSettings({ PERMANENT_SESSION_LIFETIME: Math.floor(Number((e.target as HTMLInputElement).value)) }) },
          }),
        ),
        h('label', { class: 'slp-field' }, h('code', {}, t('settings.name')), nameInput),
        h('label', { class: 'slp-field slp-wide' }, h('code', {}, t('settings.fallbacks')), fallbacks),
        h(
          'div',
          { class: 'slp-wide' },
          h('button', {
            class: 'slp-button',
            fk: 'rotate',
            attrs: { type: 'button' },
            on: { click: () => this.c.rotateKey(randomKey()) },
          }, t('settings.rotate')),
          h('p', { class: 'slp-muted' }, t('settings.rotateHelp')),
        ),
      ),
    );
  }

  private share(): void {
    const t = this.t;
    const hash = encodeShare(this.c.snapshot());
    const url = new URL(location.href);
    if (this.mode === 'full') url.searchParams.set('example', this.c.example.id);
    url.hash = hash.slice(1);
    this.sharePanel.hidden = false;
    if (hash.length > MAX_LINK_CHARS) {
      replace(this.sharePanel, h('p', { class: 'slp-error', attrs: { role: 'alert' } }, t('share.tooBig', { size: hash.length, max: MAX_LINK_CHARS })), this.closeDrawer(this.sharePanel));
      return;
    }
    const input = h('input', { class: 'slp-share-url', attrs: { type: 'text', readonly: true, 'aria-label': t('toolbar.share') }, props: { value: url.href } });
    const message = h('p', { attrs: { role: 'status' } }, t('share.ready'));
    replace(this.sharePanel, message, h('div', { class: 'slp-copy-line' }, input, this.copyButton(url.href, message, t('share.copied'))), this.closeDrawer(this.sharePanel));
    input.select();
  }

  private embed(): void {
    const t = this.t;
    const src = this.opts.embedUrl!;
    const code = [
      `<iframe src="${src}" title="Session Lab: ${this.c.example.title.replace(/"/g, '&quot;')}" style="width:100%;border:0;height:640px" loading="lazy"></iframe>`,
      `<script>addEventListener('message',e=>{if(e.data&&e.data.type==='session-lab:height')for(const f of document.querySelectorAll('iframe'))if(f.contentWindow===e.source)f.style.height=e.data.height+'px'})</script>`,
    ].join('\n');
    const area = h('textarea', { class: 'slp-embed-code', attrs: { readonly: true, rows: 4, 'aria-label': t('toolbar.embed') }, props: { value: code } });
    const message = h('p', { attrs: { role: 'status' } }, t('embed.intro'));
    this.sharePanel.hidden = false;
    replace(this.sharePanel, message, area, this.copyButton(code, message, t('embed.copied')), this.closeDrawer(this.sharePanel));
  }

  private copyButton(text: string, message: HTMLElement, done: string): HTMLElement {
    return h('button', {
      class: 'slp-button',
      attrs: { type: 'button' },
      on: {
        click: () => {
          navigator.clipboard?.writeText(text).then(
            () => { message.textContent = done; },
            () => undefined,
          );
        },
      },
    }, this.t('embed.copy'));
  }

  private closeDrawer(drawer: HTMLElement): HTMLElement {
    return h('button', { class: 'slp-button', attrs: { type: 'button' }, on: { click: () => { drawer.hidden = true; } } }, this.t('common.close'));
  }

  // ------------------------------------------------------------------ exercise

  private renderExercise(): void {
    const ex = this.c.example;
    if (ex.checks.length === 0 && !ex.goal) return;
    const t = this.t;
    const run = async () => {
      this.checksRunning = true;
      this.renderExercise();
      await this.c.loadCode();
      this.checkResults = await runChecks(ex.checks, {
        server: this.c.port,
        config: this.c.serverConfig(),
        lang: this.lang,
        t,
        readSession: (value) => {
          const info = inspectSessionCookie(value, { secretKey: this.c.settings.SECRET_KEY });
          return info.data && typeof info.data === 'object' ? (info.data as Record<string, unknown>) : undefined;
        },
      });
      this.checksRunning = false;
      this.renderExercise();
    };
    const results = this.checkResults;
    const passed = results?.filter((r) => r.passed).length ?? 0;
    const load = this.c.load;
    replace(
      this.exercise,
      h('h2', { class: 'slp-heading' }, t('exercise.title'), ': ', ex.title),
      ex.goal ? h('p', {}, h('strong', {}, t('exercise.goal'), ': '), ex.goal) : null,
      ex.checks.length > 0
        ? h('button', { class: 'slp-button slp-primary', fk: 'run-checks', attrs: { type: 'button', disabled: this.checksRunning }, on: { click: () => void run() } }, this.checksRunning ? t('exercise.running') : t('exercise.run'))
        : null,
      h(
        'div',
        { attrs: { role: 'status' }, class: 'slp-check-summary' },
        results
          ? [
              load.status === 'error' ? h('p', { class: 'slp-error' }, t('exercise.loadFailed', { message: load.error.message })) : null,
              h('p', { class: passed === results.length ? 'slp-ok' : 'slp-error' }, passed === results.length ? t('exercise.allPassed', { passed, total: results.length }) : t('exercise.somePassed', { passed, total: results.length })),
            ]
          : null,
      ),
      results
        ? h(
            'ol',
            { class: 'slp-checks' },
            results.map((r) =>
              h(
                'li',
                { class: r.passed ? 'slp-ok' : 'slp-error' },
                h('strong', {}, t(r.passed ? 'exercise.passed' : 'exercise.failed', { title: r.title })),
                h(
                  'ul',
                  {},
                  r.steps.map((s) =>
                    h(
                      'li',
                      { class: `slp-step-${s.outcome}` },
                      `${s.outcome === 'passed' ? '✓' : s.outcome === 'failed' ? '✗' : '·'} `,
                      t('exercise.step', { user: s.step.user, method: s.step.method, path: s.step.path }),
                      s.status !== undefined ? ` → ${s.status}` : '',
                      s.problems.length > 0 ? h('ul', {}, s.problems.map((p) => h('li', {}, p))) : null,
                    ),
                  ),
                ),
              ),
            ),
          )
        : null,
      ex.hint ? h('details', { class: 'slp-details' }, h('summary', {}, t('exercise.hint')), h('p', {}, ex.hint)) : null,
      ex.solution !== undefined
        ? h('button', {
            class: 'slp-button',
            fk: 'solution',
            attrs: { type: 'button' },
            on: {
              click: () => {
                if (confirm(t('exercise.solutionConfirm'))) {
                  this.c.showSolution();
                  this.editor?.setValue(this.c.code);
                }
              },
            },
          }, t('exercise.solution'))
        : null,
    );
  }
}

const STRING_KINDS = {
  'server.kind.syntax': 1,
  'server.kind.import': 1,
  'server.kind.runtime': 1,
  'server.kind.no-router': 1,
  'server.kind.timeout': 1,
  'server.kind.crash': 1,
  'server.kind.protocol': 1,
};

const STRING_KINDS_TRACE = {
  'trace.opened.none': 1,
  'trace.opened.ok': 1,
  'trace.opened.bad-signature': 1,
  'trace.opened.expired': 1,
  'trace.opened.malformed': 1,
  'trace.opened.bad-payload': 1,
};

function changeReason(t: Translate, ch: JarChange): string {
  if (ch.kind === 'expired') return ch.detail?.includes('browser closed') ? t('reason.end-session') : t('reason.expired');
  if (ch.kind === 'deleted') return ch.header ? t('reason.expired-on-arrival') : t('reason.manual');
  return reasonText(t, ch.reason, ch.detail);
}

function randomKey(): string {
  const bytes = new Uint8Array(12);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Left/Right/Home/End move between tabs, as the ARIA tabs pattern expects. */
function arrowKeys(list: HTMLElement, select: (index: number) => void): void {
  if (list.dataset.arrows) return;
  list.dataset.arrows = '1';
  list.addEventListener('keydown', (e) => {
    const tabs = [...list.querySelectorAll<HTMLElement>('[role="tab"]')];
    const i = tabs.indexOf(document.activeElement as HTMLElement);
    if (i < 0) return;
    let next = -1;
    if (e.key === 'ArrowRight') next = (i + 1) % tabs.length;
    else if (e.key === 'ArrowLeft') next = (i - 1 + tabs.length) % tabs.length;
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = tabs.length - 1;
    if (next < 0) return;
    e.preventDefault();
    select(next);
    list.querySelectorAll<HTMLElement>('[role="tab"]')[next]?.focus();
  });
}
