/**
 * Editing one cookie by hand, as in DevTools: its raw value, or (session cookie) its data as JSON,
 * re-encoded without the key so that the signature no longer matches.
 */
import type { JarChange, StoredCookie } from '../../engine/cookies/index.ts';
import { h } from '../dom.ts';
import { inspectForReader } from '../session-cookie.ts';
import type { ViewContext } from './context.ts';
import { button } from './controls.ts';
import { changeReason } from './format.ts';

export interface CookieEdit {
  user: string;
  key: string;
  mode: 'value' | 'payload';
  error?: string;
}

export interface CookieEditEvents {
  /** The edit could not be applied (bad JSON): show the form again with the message. */
  failed: (error: string) => void;
  /** Saved (`message` says if the jar refused it) or cancelled (`message` is null). */
  closed: (message: string | null) => void;
}

export function cookieEditForm(ctx: ViewContext, cookie: StoredCookie, editing: CookieEdit, on: CookieEditEvents): HTMLElement {
  const { c, t } = ctx;
  const payloadMode = editing.mode === 'payload';
  const label = payloadMode ? t('cookies.payloadLabel') : t('cookies.valueLabel', { name: cookie.name });
  const opened = payloadMode ? inspectForReader(cookie.value, c.settings, c.clock.now()) : null;
  const initial = opened ? (opened.kind === 'opened' ? opened.info.payloadJson ?? '{}' : '{}') : cookie.value;
  const input = h('textarea', {
    class: 'slp-edit-input',
    fk: 'edit-input',
    attrs: { rows: 3, spellcheck: 'false', 'aria-label': label },
    props: { value: initial },
  });
  const save = () => {
    let change: JarChange | null;
    try {
      change = payloadMode ? c.editPayload(editing.user, cookie, input.value) : c.editCookie(editing.user, cookie, input.value);
    } catch (e) {
      on.failed(t('cookies.badJson', { message: e instanceof Error ? e.message : String(e) }));
      return;
    }
    on.closed(change?.kind === 'rejected' ? t('cookies.rejectedEdit', { reason: changeReason(t, change, ctx.lang) }) : '');
  };
  queueMicrotask(() => input.focus());
  return h(
    'div',
    { class: 'slp-edit-row' },
    h(
      'div',
      {},
      h('label', {}, h('span', {}, label), input),
      payloadMode ? h('p', { class: 'slp-muted' }, t('cookies.payloadHelp')) : null,
      editing.error ? h('p', { class: 'slp-error', attrs: { role: 'alert' } }, editing.error) : null,
      button(t('cookies.save'), save, { fk: 'edit-save' }),
      button(t('cookies.cancel'), () => on.closed(null), { fk: 'edit-cancel' }),
    ),
  );
}
