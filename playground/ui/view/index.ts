/**
 * The playground's DOM, assembled from one module per panel. Left column: the server (the reader's
 * routes); right column: the browsers (one tab per simulated user, request bar, response, session
 * trace, cookie jar, timeline). The view only reads the controller and calls its actions; it
 * re-renders the parts a change touches.
 *
 * Every piece of reader output goes in with textContent (see dom.ts); an HTML body can be previewed
 * only inside an iframe with an empty `sandbox` attribute (no scripts, opaque origin).
 */
import type { ChangeTopic } from '../controller.ts';
import { h, replace, uid } from '../dom.ts';
import { translator } from '../strings.ts';
import { AttacksPanel } from './attacks.ts';
import { ChecksPanel } from './checks-panel.ts';
import { ClockRow } from './clock.ts';
import type { ViewContext } from './context.ts';
import { CookieJarPanel } from './cookie-jar.ts';
import { EditorPane } from './editor-pane.ts';
import { Notices } from './notices.ts';
import type { ViewOptions } from './options.ts';
import { RequestBar } from './request-bar.ts';
import { ResponsePanel } from './response.ts';
import { ServerPanel } from './server-panel.ts';
import { SettingsDrawer } from './settings.ts';
import { ShareDrawer } from './share-drawer.ts';
import { Timeline } from './timeline.ts';
import { Toolbar } from './toolbar.ts';
import { UsersTabs } from './users-tabs.ts';

export type { Mode, ViewOptions } from './options.ts';

export class PlaygroundView {
  private readonly root: HTMLElement;
  private readonly t: ReturnType<typeof translator>;
  private readonly unsubscribe: () => void;

  private readonly editor: EditorPane;
  private readonly notices: Notices;
  private readonly toolbar: Toolbar;
  private readonly settings: SettingsDrawer;
  private readonly server: ServerPanel;
  private readonly users: UsersTabs;
  private readonly clock: ClockRow;
  private readonly request: RequestBar;
  private readonly response: ResponsePanel;
  private readonly jar: CookieJarPanel;
  private readonly timeline: Timeline;
  private readonly checks: ChecksPanel;
  private readonly attacks: AttacksPanel;

  constructor(opts: ViewOptions) {
    const c = opts.controller;
    const ctx: ViewContext = { c, t: translator(opts.lang), lang: opts.lang, viewing: new Map() };
    const t = ctx.t;
    this.t = t;
    const full = opts.mode === 'full';
    this.root = opts.root;

    const keysId = uid('slp-keys');
    const panel = h('div', { class: 'slp-user-panel', attrs: { role: 'tabpanel', id: uid('slp-panel') } });
    this.request = new RequestBar(ctx);
    this.editor = new EditorPane(ctx, {
      mode: opts.mode,
      staticCode: opts.staticCode,
      editorAfter: opts.editorAfter,
      describedBy: keysId,
      onSubmit: () => this.request.send(),
    });
    this.notices = new Notices(ctx);
    this.settings = new SettingsDrawer(ctx);
    const share = new ShareDrawer(ctx, full);
    const embedUrl = opts.embedUrl;
    this.toolbar = new Toolbar(ctx, full, {
      examples: opts.examples,
      onPickExample: opts.onPickExample,
      toggleSettings: () => this.settings.toggle(),
      afterReset: () => this.editor.replaceCode(),
      share: () => share.share(),
      embed: embedUrl ? () => share.embed(embedUrl) : undefined,
      plainToggle: this.editor.plainToggle,
    });
    this.server = new ServerPanel(ctx, this.editor, keysId);
    this.users = new UsersTabs(ctx, panel);
    this.clock = new ClockRow(ctx);
    this.response = new ResponsePanel(ctx);
    this.jar = new CookieJarPanel(ctx);
    this.timeline = new Timeline(ctx, () => this.response.render());
    this.checks = new ChecksPanel(ctx, () => this.editor.replaceCode());
    this.attacks = new AttacksPanel(ctx);

    const browsers = h(
      'section',
      { class: 'slp-browsers', attrs: { 'aria-label': t('browsers.title') } },
      h('h2', { class: 'slp-heading' }, t('browsers.title')),
      h('div', { class: 'slp-users' }, this.users.tabs, this.users.addButton),
      panel,
      this.attacks.el,
    );
    panel.append(this.clock.el, this.request.form, this.request.routes, this.response.el, this.response.live, this.jar.el, this.timeline.el);

    this.root.classList.add('slp');
    this.root.dataset.mode = opts.mode;
    replace(
      this.root,
      this.notices.el,
      this.toolbar.el,
      this.settings.el,
      share.el,
      h('div', { class: 'slp-columns' }, this.server.el, browsers),
      this.checks.wanted ? this.checks.el : null,
    );
    this.editor.start();
    this.unsubscribe = c.subscribe((topic) => this.update(topic));
    this.update('all');
  }

  dispose(): void {
    this.unsubscribe();
    this.editor.dispose();
    this.root.replaceChildren();
  }

  private update(topic: ChangeTopic): void {
    // The request draft is the bar's own echo: redrawing it would move the caret.
    if (topic === 'request') return;
    if (topic === 'all') {
      this.toolbar.syncKey(true);
      this.request.sync();
      this.editor.syncCode();
    }
    if (topic === 'code') {
      this.editor.syncCode();
      return;
    }
    if (topic === 'settings') {
      this.toolbar.syncKey(false);
      this.settings.refresh();
    }
    // Each panel on its own: one that cannot draw (a hostile value in a saved or shared state)
    // says so in its place, and the others still draw.
    this.safely(this.notices.el, () => this.notices.render());
    this.safely(this.server.status, () => this.server.renderStatus());
    this.safely(this.users.tabs, () => this.users.render());
    this.safely(this.clock.el, () => this.clock.render());
    this.safely(this.request.routes, () => this.request.renderRoutes());
    this.safely(this.response.el, () => this.response.render());
    this.safely(this.jar.el, () => this.jar.render());
    this.safely(this.timeline.el, () => this.timeline.render());
    this.safely(this.checks.el, () => this.checks.render());
    this.safely(this.attacks.el, () => this.attacks.render());
  }

  private safely(el: HTMLElement, draw: () => void): void {
    try {
      draw();
    } catch (e) {
      const text = this.t('panel.failed', { message: e instanceof Error ? e.message : String(e) });
      el.replaceChildren(h('p', { class: 'slp-error slp-panel-failed', attrs: { role: 'alert' } }, text));
    }
  }
}
