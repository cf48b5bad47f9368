/**
 * Small text helpers the panels share: header look-up, times for people, and the words for a cookie
 * change or an engine code.
 */
import type { JarChange } from '../../engine/cookies/index.ts';
import type { HeaderList } from '../../engine/wire.ts';
import { reasonText, STRINGS } from '../strings.ts';
import type { Lang, StringKey, Translate } from '../strings.ts';

export function header(headers: HeaderList, name: string): string | undefined {
  return headers.find(([n]) => n.toLowerCase() === name)?.[1];
}

/** "+1 d 2 h 5 min": how far the virtual clock is from real time (or until a cookie expires). */
export function formatOffset(seconds: number): string {
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

/** UTC on purpose: the session cookie's timestamp and the Expires header are UTC too. */
export function formatDate(unix: number): string {
  const d = new Date(unix * 1000);
  if (Number.isNaN(d.getTime())) return String(unix);
  return `${d.toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

/** The identity of a cookie in a jar: the same name may live under several domains and paths. */
export function cookieKey(c: { name: string; domain: string; path: string }): string {
  return `${c.name}\u0000${c.domain}\u0000${c.path}`;
}

/** `prefix.code` when the tables have words for it: codes come from the sandbox and may be new. */
export function knownKey(prefix: string, code: string): StringKey | null {
  const key = `${prefix}.${code}`;
  return key in STRINGS.es ? (key as StringKey) : null;
}

/** Why a cookie changed or was refused, in the page's language (`lang` reaches the engine's newer codes). */
export function changeReason(t: Translate, ch: JarChange, lang?: Lang): string {
  if (ch.kind === 'expired') return ch.detail?.includes('browser closed') ? t('reason.end-session') : t('reason.expired');
  if (ch.kind === 'deleted') return ch.header ? t('reason.expired-on-arrival') : t('reason.manual');
  return reasonText(t, ch.reason, ch.detail, lang);
}
