/**
 * The selected user's cookies: what the last action changed, the table, under it one card per
 * cookie (the decoded session, the tools, the edit form), and the browser-wide tools.
 */
import type { JarChange, StoredCookie } from '../../engine/cookies/index.ts';
import { h, replace } from '../dom.ts';
import { button } from './controls.ts';
import { cookieEditForm } from './cookie-edit.ts';
import type { CookieEdit } from './cookie-edit.ts';
import { cookieTable } from './cookie-table.ts';
import { chromiumRuleText } from '../../engine/cookies/reasons.ts';
import { changeReason, cookieKey } from './format.ts';
import { sessionCookieDetail } from './session-cookie-detail.ts';
import { Panel } from './panel.ts';

export class CookieJarPanel extends Panel {
  readonly el = h('section', { class: 'slp-jar' });
  /** Which cookie is being edited by hand, and how. */
  private editing: CookieEdit | null = null;
  /** What the last cookie tool did, until the next one. */
  private toolMessage = '';

  render(): void {
    const { c, t } = this.ctx;
    const user = c.selected;
    const cookies = c.cookies(user.id);
    const changes = c.lastChanges.get(user.id) ?? [];
    const changed = new Map<string, JarChange>();
    for (const ch of changes) if (ch.kind === 'added' || ch.kind === 'changed') changed.set(cookieKey(ch), ch);
    const lastEntry = c.lastEntry(user.id);
    replace(
      this.el,
      h('h3', { class: 'slp-subheading' }, t('cookies.title', { name: user.name })),
      changes.length > 0
        ? h(
            'ul',
            { class: 'slp-changes' },
            changes.map((ch) =>
              h(
                'li',
                { class: `slp-change slp-change-${ch.kind}` },
                h('span', { class: 'slp-badge' }, `● ${t(`change.${ch.kind}`)}`),
                ' ',
                h('code', {}, ch.name),
                ch.kind === 'added' || ch.kind === 'changed' ? null : ` — ${changeReason(t, ch, this.ctx.lang)}`,
                // Where the outcome is Chromium's own reading rather than the RFC's, say so.
                Array.isArray(ch.chromium) && ch.chromium.length > 0
                  ? h('span', { class: 'slp-muted' }, ` (${ch.chromium.map((rule) => chromiumRuleText(String(rule), this.ctx.lang)).join(' ')})`)
                  : null,
              ),
            ),
          )
        : lastEntry && lastEntry.kind === 'exchange'
          ? h('p', { class: 'slp-muted' }, t('change.none'))
          : null,
      this.toolMessage ? h('p', { class: 'slp-tool-message', attrs: { role: 'status' } }, this.toolMessage) : null,
      cookieTable(this.ctx, cookies, changed, user.name),
      // Decoded sessions and the edit form live under the table, not inside it: a phone scrolls the
      // table sideways, and these must stay readable without scrolling.
      cookies.map((cookie) => this.card(cookie)),
      h(
        'div',
        { class: 'slp-user-tools' },
        button(t('browsers.closeBrowser'), () => { this.toolMessage = ''; c.closeBrowser(user.id); }, { fk: 'close-browser', attrs: { title: t('browsers.closeBrowserHelp') } }),
        c.users.length > 1 ? button(t('browsers.removeUser', { name: user.name }), () => c.removeUser(user.id), { fk: 'remove-user' }) : null,
      ),
    );
  }

  private card(cookie: StoredCookie): HTMLElement {
    const c = this.ctx.c;
    const user = c.selected.id;
    const key = cookieKey(cookie);
    const editing = this.editing && this.editing.user === user && this.editing.key === key ? this.editing : null;
    return h(
      'div',
      { class: 'slp-cookie-card' },
      cookie.name === c.settings.SESSION_COOKIE_NAME ? sessionCookieDetail(this.ctx, cookie) : h('p', { class: 'slp-decoded-title' }, h('code', {}, cookie.name)),
      this.tools(cookie),
      editing
        ? cookieEditForm(this.ctx, cookie, editing, {
            failed: (error) => { this.editing = { ...editing, error }; this.render(); },
            closed: (message) => {
              this.editing = null;
              if (message !== null) this.toolMessage = message;
              this.render();
            },
          })
        : null,
    );
  }

  /** DevTools-like tools for one cookie: edit, tamper, hijack, delete. */
  private tools(cookie: StoredCookie): HTMLElement {
    const { c, t } = this.ctx;
    const user = c.selected;
    const key = cookieKey(cookie);
    const isSession = cookie.name === c.settings.SESSION_COOKIE_NAME;
    const tool = (label: string, fk: string, onClick: () => void) => button(label, onClick, { class: 'slp-button slp-small', fk: `${fk}-${key}` });
    const edit = (mode: CookieEdit['mode']) => () => { this.editing = { user: user.id, key, mode }; this.render(); };
    return h(
      'div',
      { class: 'slp-tools', attrs: { role: 'group', 'aria-label': `${t('cookies.col.tools')}: ${cookie.name}` } },
      tool(t('cookies.edit'), 'edit', edit('value')),
      isSession ? tool(t('cookies.editPayload'), 'payload', edit('payload')) : null,
      c.users
        .filter((o) => o.id !== user.id)
        .map((o) =>
          tool(t('cookies.copyTo', { name: o.name }), `copy-${o.id}`, () => {
            c.copyCookie(user.id, o.id, cookie);
            this.toolMessage = t('cookies.copied', { cookie: cookie.name, name: o.name, from: user.name });
            this.render();
          }),
        ),
      tool(t('cookies.delete'), 'delete', () => { this.toolMessage = ''; c.deleteCookie(user.id, cookie); }),
    );
  }
}
