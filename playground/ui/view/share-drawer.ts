/**
 * The drawer under the toolbar that hands out a share link (the whole state in the URL) or the
 * snippets that embed the current state in a course page.
 */
import { h, replace, uid } from '../dom.ts';
import { authorText, GOAL_MAX, TITLE_MAX } from '../embed-params.ts';
import { embedSnippets } from '../embed-snippet.ts';
import { encodeShare, MAX_LINK_CHARS } from '../persist.ts';
import type { ViewContext } from './context.ts';
import { button } from './controls.ts';
import { Panel } from './panel.ts';

export class ShareDrawer extends Panel {
  readonly el = h('div', { class: 'slp-drawer', props: { hidden: true } });
  private readonly full: boolean;

  constructor(ctx: ViewContext, full: boolean) {
    super(ctx);
    this.full = full;
  }

  share(): void {
    const { c, t } = this.ctx;
    const hash = encodeShare(c.snapshot());
    const url = new URL(location.href);
    if (this.full) url.searchParams.set('example', c.example.id);
    url.hash = hash.slice(1);
    this.el.hidden = false;
    if (hash.length > MAX_LINK_CHARS) {
      replace(this.el, h('p', { class: 'slp-error', attrs: { role: 'alert' } }, t('share.tooBig', { size: hash.length, max: MAX_LINK_CHARS })), this.closeButton());
      return;
    }
    const input = h('input', { class: 'slp-share-url', attrs: { type: 'text', readonly: true, 'aria-label': t('toolbar.share') }, props: { value: url.href } });
    const message = h('p', { attrs: { role: 'status' } }, t('share.ready'));
    replace(this.el, message, h('div', { class: 'slp-copy-line' }, input, this.copyButton(() => url.href, message, t('share.copied'), input)), this.closeButton());
    input.select();
  }

  /**
   * The snippets for the current state (code, settings, users, clock) in the share-link format, so
   * the embed reads it through the same bounds and checks as any link, with the author's optional
   * title and goal (plain text, bounded: embed-params.ts reads them back the same way).
   */
  embed(src: string): void {
    const { c, t, lang } = this.ctx;
    const state = encodeShare(c.snapshot());
    this.el.hidden = false;
    if (state.length > MAX_LINK_CHARS) {
      replace(this.el, h('p', { class: 'slp-error', attrs: { role: 'alert' } }, t('share.tooBig', { size: state.length, max: MAX_LINK_CHARS })), this.closeButton());
      return;
    }
    const site = new URL(src).origin;
    const message = h('p', { attrs: { role: 'status' } }, t('embed.intro'));
    const title = this.wordsField('title', t('embed.title'), TITLE_MAX, false);
    const goal = this.wordsField('goal', t('embed.goal'), GOAL_MAX, true);
    const kinds = [
      ['html', 'script'],
      ['moodle', 'iframe'],
      ['canvas', 'iframe'],
      ['markdown', 'markdown'],
      ['link', 'link'],
    ] as const;
    const areas = kinds.map(([kind]) =>
      h('textarea', { class: 'slp-embed-code', attrs: { readonly: true, rows: kind === 'markdown' || kind === 'link' ? 2 : 4, 'data-snippet': kind, id: uid('slp-snippet') } }),
    );
    const update = () => {
      const ownTitle = authorText(title.input.value, TITLE_MAX);
      const ownGoal = authorText(goal.input.value, GOAL_MAX);
      const params: Record<string, string> = {};
      if (ownTitle) params.title = ownTitle;
      // The example's exercise and checks were written for its own goal, not the author's.
      if (ownGoal) Object.assign(params, { goal: ownGoal, hide: 'exercise' });
      const snippets = embedSnippets({ site, example: c.example.id, lang, title: ownTitle ?? c.example.title, params, state });
      kinds.forEach(([, which], i) => {
        areas[i].value = snippets[which];
      });
      title.check();
      goal.check();
    };
    title.input.addEventListener('input', update);
    goal.input.addEventListener('input', update);
    update();
    const blocks = kinds.map(([kind], i) =>
      h(
        'div',
        { class: 'slp-snippet' },
        h('label', { attrs: { for: areas[i].id } }, t(`embed.${kind}`)),
        areas[i],
        this.copyButton(() => areas[i].value, message, t('embed.copied'), areas[i]),
      ),
    );
    replace(this.el, message, title.el, goal.el, ...blocks, this.closeButton());
  }

  /** A bounded text field: over the limit it says so, and the snippets leave the text out. */
  private wordsField(name: string, label: string, max: number, long: boolean) {
    const { t } = this.ctx;
    const id = uid(`slp-embed-${name}`);
    const hintId = `${id}-hint`;
    const attrs = { id, 'aria-describedby': hintId, 'data-field': name };
    const input = long ? h('textarea', { class: 'slp-embed-words', attrs: { ...attrs, rows: 2 } }) : h('input', { class: 'slp-embed-words', attrs: { ...attrs, type: 'text' } });
    const hint = h('small', { attrs: { id: hintId } }, t('embed.limit', { max }));
    const check = () => {
      const size = input.value.trim().length;
      const over = size > max;
      input.setAttribute('aria-invalid', String(over));
      hint.textContent = over ? t('embed.tooLong', { size, max }) : t('embed.limit', { max });
      hint.classList.toggle('slp-error', over);
    };
    const el = h('div', { class: 'slp-embed-field' }, h('label', { attrs: { for: id } }, label), input, hint);
    return { el, input, check };
  }

  private copyButton(text: () => string, message: HTMLElement, done: string, area?: HTMLTextAreaElement | HTMLInputElement): HTMLElement {
    const { t } = this.ctx;
    return button(t('embed.copy'), () => {
      // No clipboard API (an insecure origin, a browser that refuses): the text is selected for the reader.
      const fallback = () => {
        area?.select();
        message.textContent = area && document.execCommand('copy') ? done : t('embed.copyFailed');
      };
      if (!navigator.clipboard) return fallback();
      navigator.clipboard.writeText(text()).then(() => {
        message.textContent = done;
      }, fallback);
    });
  }

  private closeButton(): HTMLElement {
    return button(this.ctx.t('common.close'), () => { this.el.hidden = true; });
  }
}
