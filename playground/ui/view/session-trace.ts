/**
 * What Flask's session layer did during one request, in words: how the cookie opened, the session's
 * flags, and whether a Set-Cookie went out and why. The trace comes from the sandbox as plain data.
 */
import { h } from '../dom.ts';
import { VERSION_RULES } from '../../engine/flask-versions.ts';
import type { Lang, Translate } from '../strings.ts';
import { knownKey } from './format.ts';

interface Trace {
  opened?: { result?: string };
  flags?: Record<string, boolean>;
  action?: string;
  why?: string;
  vary?: boolean;
  versionRules?: string[];
}

export function sessionTrace(t: Translate, raw: unknown, lang: Lang = 'es'): HTMLElement | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const trace = raw as Trace;
  const lines: string[] = [];
  const opened = trace.opened?.result ? knownKey('trace.opened', trace.opened.result) : null;
  if (opened) lines.push(t(opened));
  const flags = trace.flags ?? {};
  const on = (['new', 'modified', 'accessed', 'permanent'] as const).filter((f) => flags[f]).map((f) => t(`trace.flag.${f}`));
  lines.push(t('trace.flags', { flags: on.length ? on.join(', ') : t('trace.flag.none') }));
  if (trace.action === 'set' || trace.action === 'delete' || trace.action === 'none') lines.push(t(`trace.action.${trace.action}`));
  if (trace.vary) lines.push(t('trace.vary'));
  const why = trace.why ? knownKey('trace.why', trace.why) : null;
  return h(
    'div',
    { class: 'slp-trace' },
    h('h3', { class: 'slp-subheading' }, t('trace.title')),
    h('ul', {}, lines.map((l) => h('li', {}, l))),
    trace.why ? h('p', { class: 'slp-muted' }, t('trace.why', { why: why ? t(why) : trace.why })) : null,
    versionNotes(t, trace, lang),
  );
}

/** The Flask 2.2 / 3.1 differences that decided something in this request, in the page's language. */
function versionNotes(t: Translate, trace: Trace, lang: Lang): HTMLElement | null {
  const rules = (trace.versionRules ?? []).filter((r): r is keyof typeof VERSION_RULES => Object.hasOwn(VERSION_RULES, r));
  if (!rules.length) return null;
  return h('div', { class: 'slp-version-notes' }, h('p', {}, t('trace.versionRules')), h('ul', {}, [...new Set(rules)].map((r) => h('li', {}, VERSION_RULES[r][lang]))));
}
