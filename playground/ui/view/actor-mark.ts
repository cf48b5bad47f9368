/**
 * How a request the reader did not type is marked: who made it (a page on evil.example, and with
 * what: a link, a form, an image, a fetch), which cookies the browser sent with it and why each
 * other one stayed home. Used by the response view and the other-site panel.
 *
 * A saved state or a shared link brings exchanges back unvalidated beyond their shape, so every
 * field read here is checked before it is drawn: a hostile value gives no mark, never a crash.
 */
import { chromiumRuleText } from '../../engine/cookies/reasons.ts';
import type { Exchange } from '../../engine/cookies/index.ts';
import { h } from '../dom.ts';
import { reasonText, STRINGS } from '../strings.ts';
import type { Lang, StringKey, Translate } from '../strings.ts';

export interface ActorInfo {
  initiator: string;
  via: string;
  initiatorCanRead: boolean;
}

interface CookieRef {
  name: string;
  reason?: string;
}

/** The actor of an exchange, when there is a readable one. */
export function actorOf(exchange: Exchange): ActorInfo | null {
  const a = (exchange as { actor?: unknown }).actor as Record<string, unknown> | undefined;
  if (!a || typeof a !== 'object' || a.kind !== 'other-site') return null;
  if (typeof a.initiator !== 'string' || typeof a.via !== 'string') return null;
  return { initiator: a.initiator, via: a.via, initiatorCanRead: a.initiatorCanRead === true };
}

/** The words for a way of making a request; an unknown one (from a newer engine) shows as itself. */
export function viaText(t: Translate, via: string): string {
  const key = `actor.via.${via}`;
  return key in STRINGS.es ? t(key as StringKey) : via;
}

function refs(list: unknown, withReason: boolean): CookieRef[] {
  if (!Array.isArray(list)) return [];
  return list
    .filter((c): c is Record<string, unknown> => typeof c === 'object' && c !== null && typeof (c as Record<string, unknown>).name === 'string')
    .map((c) => ({ name: c.name as string, reason: withReason && typeof c.reason === 'string' ? c.reason : undefined }));
}

/** "Cookies sent: session" and one line per cookie that stayed home, with the jar's reason. */
export function cookieDecision(t: Translate, lang: Lang, record: unknown): HTMLElement | null {
  if (!record || typeof record !== 'object') return null;
  const r = record as Record<string, unknown>;
  const sent = refs(r.sent, false);
  const withheld = refs(r.withheld, true);
  const rules = Array.isArray(r.chromium) ? r.chromium.filter((x): x is string => typeof x === 'string') : [];
  return h(
    'ul',
    { class: 'slp-decision' },
    h('li', {}, t('actor.site.sent', { names: sent.length > 0 ? sent.map((c) => c.name).join(', ') : t('actor.site.none') })),
    withheld.map((c) => h('li', { class: 'slp-muted' }, t('actor.site.withheld', { name: c.name, reason: reasonText(t, c.reason, c.reason, lang) }))),
    rules.map((rule) => h('li', { class: 'slp-muted' }, t('actor.site.rule', { rule: chromiumRuleText(rule, lang) }))),
  );
}

/** The note above a response that another site's page caused; null for the reader's own requests. */
export function actorNote(t: Translate, lang: Lang, exchange: Exchange): HTMLElement | null {
  const actor = actorOf(exchange);
  if (!actor) return null;
  return h(
    'div',
    { class: 'slp-actor-note' },
    h('p', {}, h('strong', { class: 'slp-actor-tag' }, t('actor.markShort')), ' ', t('actor.mark', { initiator: actor.initiator, via: viaText(t, actor.via) })),
    cookieDecision(t, lang, (exchange as { cookies?: unknown }).cookies),
    h('p', { class: 'slp-muted' }, t(actor.initiatorCanRead ? 'actor.site.canRead' : 'actor.site.cannotRead')),
  );
}
