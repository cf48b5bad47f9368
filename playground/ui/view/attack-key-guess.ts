/**
 * The key guesser (flask-unsign --unsign): take a user's session cookie as an attacker would capture
 * it and try a word list as SECRET_KEY until a signature matches. It runs in the page, cooperatively
 * (the engine pauses between chunks), with a stop button; nothing is sent anywhere.
 */
import { actorForm, labelled } from './controls.ts';
import { BUILT_IN_WORDS, guessSecretKey, parseWordList } from '../../engine/actors/index.ts';
import type { GuessResult } from '../../engine/actors/index.ts';
import { h, replace, uid } from '../dom.ts';
import type { ViewContext } from './context.ts';
import { Panel } from './panel.ts';

/** Words per pause: small enough that a click on "Stop" is handled within a frame or two. */
const CHUNK = 100;

export class KeyGuessAttack extends Panel {
  readonly el: HTMLElement;
  private readonly cookie: HTMLSelectElement;
  private readonly builtIn: HTMLInputElement;
  private readonly words: HTMLTextAreaElement;
  private readonly start: HTMLButtonElement;
  private readonly stop: HTMLButtonElement;
  private readonly progress = h('progress', { class: 'slp-guess-progress', props: { max: 1, value: 0, hidden: true } });
  private readonly result = h('div', { class: 'slp-attack-result', attrs: { role: 'status', 'aria-live': 'polite' } });
  private readonly noCookie = h('p', { class: 'slp-muted' });
  private running: AbortController | null = null;

  constructor(ctx: ViewContext) {
    super(ctx);
    const { t } = ctx;
    const id = uid('slp-guess');
    this.cookie = h('select', { attrs: { id: `${id}-cookie` } });
    this.builtIn = h('input', { attrs: { type: 'checkbox', id: `${id}-builtin` }, props: { checked: true } });
    this.words = h('textarea', { attrs: { id: `${id}-words`, rows: 3, spellcheck: 'false', placeholder: 'mi_clave\nb\'\\x8f\\x12\'' } });
    this.start = h('button', { class: 'slp-button slp-guess-start', attrs: { type: 'submit' } }, t('actor.guess.start'));
    this.stop = h('button', { class: 'slp-button slp-guess-stop', attrs: { type: 'button' }, props: { disabled: true }, on: { click: () => this.running?.abort() } }, t('actor.guess.stop'));
    this.progress.setAttribute('aria-label', t('actor.guess.title'));
    this.el = h(
      'div',
      { class: 'slp-attack slp-attack-guess' },
      h('p', { class: 'slp-muted' }, t('actor.guess.help')),
      actorForm(
        () => void this.run(),
        labelled(t('actor.guess.cookie'), this.cookie),
        this.noCookie,
        h('label', { class: 'slp-check' }, this.builtIn, t('actor.guess.builtIn', { count: BUILT_IN_WORDS.length })),
        h('div', { class: 'slp-attack-field slp-wide' }, h('label', { attrs: { for: this.words.id } }, t('actor.guess.yours')), this.words),
        h('div', { class: 'slp-attack-buttons' }, this.start, this.stop),
      ),
      this.progress,
      this.result,
    );
  }

  /** The users whose browser holds a session cookie, as the cookie choices. */
  render(): void {
    const { c, t } = this.ctx;
    const name = c.settings.SESSION_COOKIE_NAME;
    const previous = this.cookie.value;
    const options = c.users
      .map((u) => ({ user: u, cookie: c.cookies(u.id).find((k) => k.name === name) }))
      .filter((o) => o.cookie !== undefined)
      .map((o) => h('option', { props: { value: o.user.id } }, `${o.user.name}: ${short(o.cookie!.value)}`));
    this.cookie.replaceChildren(...options);
    const wanted = options.some((o) => o.value === previous) ? previous : options.some((o) => o.value === c.selectedId) ? c.selectedId : options[0]?.value;
    if (wanted) this.cookie.value = wanted;
    this.noCookie.textContent = options.length === 0 ? t('actor.guess.noCookie', { name: c.selected.name }) : '';
    this.cookie.disabled = options.length === 0;
    this.start.disabled = options.length === 0 || this.running !== null;
  }

  private async run(): Promise<void> {
    const { c, t } = this.ctx;
    if (this.running) return;
    const cookie = c.cookies(this.cookie.value).find((k) => k.name === c.settings.SESSION_COOKIE_NAME);
    if (!cookie) return;
    const words = parseWordList(this.words.value);
    if (!this.builtIn.checked && words.length === 0) {
      replace(this.result, h('p', { class: 'slp-error' }, t('actor.guess.noWords')));
      return;
    }
    const controller = new AbortController();
    this.running = controller;
    this.start.disabled = true;
    this.stop.disabled = false;
    this.progress.hidden = false;
    this.progress.value = 0;
    replace(this.result);
    let result: GuessResult;
    try {
      result = await guessSecretKey(cookie.value, {
        words,
        builtIn: this.builtIn.checked,
        chunkSize: CHUNK,
        signal: controller.signal,
        onProgress: (p) => {
          this.progress.max = Math.max(1, p.total);
          this.progress.value = p.tried;
          this.progress.title = t('actor.guess.progress', { tried: p.tried, total: p.total });
        },
      });
    } finally {
      this.running = null;
      this.stop.disabled = true;
      this.progress.hidden = true;
      this.render();
    }
    this.show(result);
    if (this.stop === document.activeElement) this.start.focus();
  }

  private show(r: GuessResult): void {
    const { t } = this.ctx;
    if (!r.found) {
      const key = r.reason === 'exhausted' ? 'actor.guess.exhausted' : r.reason === 'cap' ? 'actor.guess.cap' : r.reason === 'malformed' ? 'actor.guess.malformed' : 'actor.guess.cancelled';
      replace(this.result, h('p', { class: r.reason === 'exhausted' ? 'slp-ok slp-guess-resisted' : 'slp-muted' }, t(key, { tried: r.tried, total: r.total, untried: r.untried })));
      return;
    }
    const data = r.session.ok && r.session.data && typeof r.session.data === 'object' ? (r.session.data as Record<string, unknown>) : {};
    const forged = JSON.stringify({ ...data, admin: true });
    replace(
      this.result,
      h('p', { class: 'slp-error slp-guess-found' }, h('strong', {}, t('actor.guess.found', { tried: r.tried, key: r.key })), ` (${t(r.source === 'built-in' ? 'actor.guess.source.built-in' : 'actor.guess.source.yours')})`),
      r.session.ok ? h('p', {}, t('actor.guess.session', { data: JSON.stringify(r.session.data) })) : null,
      h('p', {}, t('actor.guess.forge', { data: forged })),
    );
  }
}

function short(value: string): string {
  return value.length > 28 ? `${value.slice(0, 14)}…${value.slice(-10)}` : value;
}
