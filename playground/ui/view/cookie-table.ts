/**
 * The cookie jar as DevTools shows it: one row per cookie with its attributes, and a badge on the
 * cookies the last action added or changed.
 */
import type { JarChange, StoredCookie } from '../../engine/cookies/index.ts';
import { h } from '../dom.ts';
import type { StringKey } from '../strings.ts';
import type { ViewContext } from './context.ts';
import { cookieKey, formatDate, formatOffset } from './format.ts';

const COLUMNS: StringKey[] = [
  'cookies.col.name', 'cookies.col.value', 'cookies.col.domain', 'cookies.col.path', 'cookies.col.expires', 'cookies.col.size',
  'cookies.col.httpOnly', 'cookies.col.secure', 'cookies.col.sameSite',
];

/** `changed` maps cookieKey() to the change that touched that cookie. */
export function cookieTable(ctx: ViewContext, cookies: StoredCookie[], changed: Map<string, JarChange>, name: string): HTMLElement {
  const t = ctx.t;
  return h(
    'div',
    { class: 'slp-table-wrap', attrs: { tabindex: 0, role: 'group', 'aria-label': t('cookies.title', { name }) } },
    h(
      'table',
      { class: 'slp-cookies', attrs: { 'aria-label': t('cookies.label') } },
      h('thead', {}, h('tr', {}, COLUMNS.map((k) => h('th', { attrs: { scope: 'col' } }, t(k))))),
      h(
        'tbody',
        {},
        cookies.length > 0
          ? cookies.map((cookie) => cookieRow(ctx, cookie, changed.get(cookieKey(cookie))))
          : h('tr', {}, h('td', { attrs: { colspan: COLUMNS.length }, class: 'slp-muted' }, t('cookies.empty'))),
      ),
    ),
  );
}

function cookieRow(ctx: ViewContext, cookie: StoredCookie, change: JarChange | undefined): HTMLElement {
  const t = ctx.t;
  const now = ctx.c.clock.now();
  const expires =
    cookie.expires === null
      ? t('cookies.session')
      : `${formatDate(cookie.expires)} (${formatOffset(cookie.expires - now).replace(/^\+/, '')})`;
  const sameSite = cookie.sameSiteDefaulted ? t('cookies.sameSiteDefault', { value: cookie.sameSite }) : cookie.sameSite;
  return h(
    'tr',
    { class: change ? `slp-row-${change.kind}` : '' },
    h('td', {}, h('code', {}, cookie.name), change ? h('span', { class: 'slp-badge' }, ` ● ${t(`change.${change.kind}`)}`) : null),
    h('td', { class: 'slp-value' }, h('code', { attrs: { title: cookie.value } }, cookie.value)),
    h('td', { class: 'slp-wrap' }, cookie.hostOnly ? cookie.domain : `.${cookie.domain}`),
    h('td', {}, cookie.path),
    h('td', { class: 'slp-wrap' }, expires),
    h('td', {}, String(cookie.size)),
    h('td', {}, cookie.httpOnly ? '✓' : ''),
    h('td', {}, cookie.secure ? '✓' : ''),
    h(
      'td',
      { class: 'slp-wrap' },
      sameSite,
      // CHIPS: the same name may exist once per top-level site, so the partition is part of its identity.
      cookie.partitioned === true
        ? h('span', { class: 'slp-flag', attrs: { title: t('cookies.partitionedHelp', { site: String(cookie.partitionSite ?? '') }) } }, ' · Partitioned')
        : null,
    ),
  );
}
