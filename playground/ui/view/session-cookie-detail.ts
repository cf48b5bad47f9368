/**
 * The session cookie opened up: its payload in Python's notation, when it was signed, and whether
 * the signature holds for the current key (or a fallback), as Flask would judge it now.
 */
import type { StoredCookie } from '../../engine/cookies/index.ts';
import { h } from '../dom.ts';
import { inspectForReader, printedPayload } from '../session-cookie.ts';
import type { StringKey } from '../strings.ts';
import type { ViewContext } from './context.ts';
import { formatDate } from './format.ts';

const INVALID: Record<string, StringKey> = {
  'bad-signature': 'decoded.invalid',
  expired: 'decoded.expired',
  malformed: 'decoded.malformed',
  'bad-payload': 'decoded.badPayload',
};

export function sessionCookieDetail(ctx: ViewContext, cookie: StoredCookie): HTMLElement {
  const { c, t } = ctx;
  const opened = inspectForReader(cookie.value, c.settings, c.clock.now());
  if (opened.kind === 'too-large') {
    return h(
      'div',
      { class: 'slp-decoded-block' },
      h('p', { class: 'slp-decoded-title' }, h('code', {}, cookie.name), ' · ', t('decoded.title')),
      h('p', { class: 'slp-muted' }, t('decoded.tooLarge', { kb: Math.round(opened.limit / 1024) })),
    );
  }
  const info = opened.info;
  let verdict: string;
  if (info.verdict.valid) verdict = info.verdict.verifiedBy.key === 'current' ? t('decoded.valid') : t('decoded.validFallback');
  else verdict = t(INVALID[info.verdict.reason] ?? 'decoded.invalid');
  const printed = info.data !== undefined ? printedPayload(info.data) : { text: info.payloadJson?.slice(0, 4000) ?? t('decoded.unreadable'), cut: (info.payloadJson?.length ?? 0) > 4000 };
  const payload = printed.text + (printed.cut ? ` ${t('decoded.cut')}` : '');
  return h(
    'div',
    { class: 'slp-decoded-block' },
    h('p', { class: 'slp-decoded-title' }, h('code', {}, cookie.name), ' · ', t('decoded.title')),
    h(
      'dl',
      { class: 'slp-decoded', attrs: { 'aria-label': t('decoded.title') } },
      h('div', {}, h('dt', {}, t('decoded.payload')), h('dd', {}, h('code', {}, payload), info.compressed ? h('span', { class: 'slp-muted' }, ` · ${t('decoded.compressed')}`) : null)),
      h('div', {}, h('dt', {}, t('decoded.timestamp')), h('dd', {}, info.timestamp !== null ? formatDate(info.timestamp) : '—')),
      h('div', {}, h('dt', {}, t('decoded.signature')), h('dd', { class: info.verdict.valid ? 'slp-ok' : 'slp-error' }, verdict)),
    ),
    info.cannotKeep.length
      ? h('div', { class: 'slp-js-losses' }, h('p', {}, t('decoded.jsLosses')), h('ul', {}, info.cannotKeep.map((l) => h('li', {}, l[ctx.lang]))))
      : null,
  );
}
