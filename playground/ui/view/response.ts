/**
 * The response to the exchange the reader is looking at: status line, body (text, or HTML in a
 * script-less frame), server logs and errors, the session trace, and both header lists.
 *
 * The region itself is not live: a screen reader would read the whole body and every header after each
 * request. A visually hidden status line announces a one-line summary instead, only when a new
 * response arrives.
 */
import type { HeaderList } from '../../engine/wire.ts';
import type { TimelineEntry } from '../controller.ts';
import { h, replace, truncate } from '../dom.ts';
import type { Translate } from '../strings.ts';
import { currentEntry } from './context.ts';
import type { ViewContext } from './context.ts';
import { button } from './controls.ts';
import { actorNote } from './actor-mark.ts';
import { header } from './format.ts';
import { sessionTrace } from './session-trace.ts';
import { Panel } from './panel.ts';

const BODY_LIMIT = 20_000;

export class ResponsePanel extends Panel {
  readonly el: HTMLElement;
  /** The announcement, outside the region so the region's text stays the response alone. */
  readonly live: HTMLElement;
  private htmlPreview = false;
  /** Per user, the newest timeline entry already seen: only a newer one is announced. */
  private seen: Map<string, number> | null = null;

  constructor(ctx: ViewContext) {
    super(ctx);
    this.el = h('section', { class: 'slp-response', attrs: { role: 'region', 'aria-label': ctx.t('response.label') } });
    this.live = h('p', { class: 'slp-sr-only slp-live-summary', attrs: { role: 'status', 'aria-live': 'polite', 'aria-atomic': 'true' } });
  }

  render(): void {
    this.announce();
    const t = this.ctx.t;
    const entry = currentEntry(this.ctx);
    const heading = h('h3', { class: 'slp-subheading' }, t('response.label'));
    if (!entry) {
      replace(this.el, heading, h('p', { class: 'slp-muted' }, t('response.none')));
      return;
    }
    if (entry.kind === 'failed') {
      const url = new URL(entry.request.url);
      const kind = entry.error.kind;
      const key = kind === 'timeout' ? 'response.timeout' : kind === 'crash' ? 'response.crash' : kind === 'cookie-header-too-large' ? 'response.cookieTooLarge' : 'response.failed';
      replace(
        this.el,
        heading,
        h('p', { class: 'slp-status-line slp-error' }, t(key, { method: entry.request.method, path: url.pathname + url.search, message: entry.error.message })),
        headersBlock(t, t('response.requestHeaders'), entry.request.headers, ['cookie'], true),
      );
      return;
    }
    const { request, response } = entry.exchange;
    const url = new URL(request.url);
    const contentType = header(response.headers, 'content-type') ?? '';
    const body = truncate(response.body, BODY_LIMIT);
    replace(
      this.el,
      heading,
      h(
        'p',
        { class: `slp-status-line${response.status >= 400 ? ' slp-error' : ''}` },
        h('strong', {}, `${request.method} ${url.pathname}${url.search}`),
        ' → ',
        h('strong', {}, `${response.status} ${response.statusText}`),
        contentType ? h('span', { class: 'slp-muted' }, ` · ${contentType}`) : null,
      ),
      actorNote(t, this.ctx.lang, entry.exchange),
      this.bodyView(body.text, /html/i.test(contentType)),
      body.cut ? h('p', { class: 'slp-muted' }, t('response.truncated', { shown: BODY_LIMIT, total: response.body.length })) : null,
      entry.error ? debuggerBlock(t, entry.error) : null,
      entry.logs.length > 0
        ? h('details', { class: 'slp-details', attrs: { open: true } }, h('summary', {}, t('response.logs')), h('pre', { class: 'slp-logs' }, entry.logs.join('\n')))
        : null,
      sessionTrace(t, entry.trace, this.ctx.lang),
      headersBlock(t, t('response.requestHeaders'), request.headers, ['cookie'], false),
      headersBlock(t, t('response.responseHeaders'), response.headers, ['set-cookie', 'vary'], false),
    );
  }

  /** The body as text, or for HTML a Text/HTML switch and, on request, a frame without scripts. */
  private bodyView(text: string, isHtml: boolean): HTMLElement[] {
    const t = this.ctx.t;
    const view =
      isHtml && this.htmlPreview
        ? h('iframe', {
            class: 'slp-html-frame',
            attrs: { sandbox: '', title: t('response.htmlFrame'), referrerpolicy: 'no-referrer' },
            // An empty sandbox: no scripts, no forms, opaque origin. The CSP meta also blocks loads.
            // Links open "in a new tab", which the sandbox (no allow-popups) refuses: a click on a
            // plain link can no longer navigate the preview away from the response it shows.
            props: { srcdoc: `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"><base target="_blank">${text}` },
          })
        : h('pre', { class: 'slp-body', attrs: { tabindex: 0 } }, text === '' ? h('span', { class: 'slp-muted' }, t('response.emptyBody')) : text);
    if (!isHtml) return [view];
    const toggle = h(
      'div',
      { class: 'slp-toggle', attrs: { role: 'group', 'aria-label': t('response.body') } },
      [false, true].map((html) =>
        button(t(html ? 'response.asHtml' : 'response.asText'), () => { this.htmlPreview = html; this.render(); }, {
          class: 'slp-button slp-small',
          fk: `html-${html}`,
          attrs: { 'aria-pressed': String(this.htmlPreview === html) },
        }),
      ),
    );
    return [toggle, view];
  }

  /**
   * Announces the selected user's newest entry when it is new since the last render. The first render
   * only takes note: work restored from storage or a link is not news.
   */
  private announce(): void {
    const c = this.ctx.c;
    const before = this.seen;
    this.seen = new Map();
    for (const u of c.users) {
      const list = c.timelines.get(u.id) ?? [];
      const newest = list[list.length - 1];
      if (newest) this.seen.set(u.id, newest.seq);
    }
    if (!before) return;
    const list = c.timelines.get(c.selectedId) ?? [];
    const newest = list[list.length - 1];
    if (newest && before.get(c.selectedId) !== newest.seq) this.live.textContent = liveSummary(this.ctx, newest);
  }
}

/** "GET /perfil → 200 OK, cookie session changed", in the page's language. */
export function liveSummary(ctx: ViewContext, entry: TimelineEntry): string {
  const t = ctx.t;
  if (entry.kind === 'failed') {
    const url = new URL(entry.request.url);
    return t('response.liveSummary', { method: entry.request.method, path: url.pathname + url.search, status: t('timeline.noResponse') });
  }
  const { request, response, changes } = entry.exchange;
  const url = new URL(request.url);
  const status = `${response.status} ${response.statusText}`.trim();
  const parts = [t('response.liveSummary', { method: request.method, path: url.pathname + url.search, status })];
  for (const ch of changes) parts.push(t('response.liveCookie', { name: ch.name, change: t(`change.${ch.kind}`) }));
  return parts.join(', ');
}

function debuggerBlock(t: Translate, error: { message: string; line?: number; column?: number; stack?: string }): HTMLElement {
  return h(
    'div',
    { class: 'slp-debugger' },
    h('strong', {}, t('response.debugger')),
    h('p', {}, error.message),
    error.line ? h('p', { class: 'slp-muted' }, t('response.atLine', { line: error.line, column: error.column ?? 1 })) : null,
    error.stack ? h('pre', { class: 'slp-logs' }, truncate(error.stack, 4000).text) : null,
  );
}

/** A header list, folded unless `open`; `highlight` marks the headers the lesson is about. */
function headersBlock(t: Translate, title: string, headers: HeaderList, highlight: string[], open: boolean): HTMLElement {
  const hasCookie = headers.some(([n]) => n.toLowerCase() === 'cookie');
  return h(
    'details',
    { class: 'slp-details', attrs: { open } },
    h('summary', {}, title),
    h(
      'dl',
      { class: 'slp-headers' },
      headers.map(([name, value]) =>
        h('div', { class: highlight.includes(name.toLowerCase()) ? 'slp-hl' : '' }, h('dt', {}, name), h('dd', {}, truncate(value, 4000).text)),
      ),
      highlight.includes('cookie') && !hasCookie ? h('div', {}, h('dd', { class: 'slp-muted' }, t('response.noCookieSent'))) : null,
    ),
  );
}
