/**
 * The drawer under the toolbar that hands out a share link (the whole state in the URL) or the HTML
 * to embed this example in another page.
 */
import { h, replace } from '../dom.ts';
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
    replace(this.el, message, h('div', { class: 'slp-copy-line' }, input, this.copyButton(url.href, message, t('share.copied'))), this.closeButton());
    input.select();
  }

  embed(src: string): void {
    const { c, t } = this.ctx;
    const code = [
      `<iframe src="${src}" title="Session Lab: ${c.example.title.replace(/"/g, '&quot;')}" style="width:100%;border:0;height:640px" loading="lazy"></iframe>`,
      `<script>addEventListener('message',e=>{if(e.data&&e.data.type==='session-lab:height')for(const f of document.querySelectorAll('iframe'))if(f.contentWindow===e.source)f.style.height=e.data.height+'px'})</script>`,
    ].join('\n');
    const area = h('textarea', { class: 'slp-embed-code', attrs: { readonly: true, rows: 4, 'aria-label': t('toolbar.embed') }, props: { value: code } });
    const message = h('p', { attrs: { role: 'status' } }, t('embed.intro'));
    this.el.hidden = false;
    replace(this.el, message, area, this.copyButton(code, message, t('embed.copied')), this.closeButton());
  }

  private copyButton(text: string, message: HTMLElement, done: string): HTMLElement {
    return button(this.ctx.t('embed.copy'), () => {
      navigator.clipboard?.writeText(text).then(
        () => { message.textContent = done; },
        () => undefined,
      );
    });
  }

  private closeButton(): HTMLElement {
    return button(this.ctx.t('common.close'), () => { this.el.hidden = true; });
  }
}
