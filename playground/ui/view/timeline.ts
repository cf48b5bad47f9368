/**
 * The selected user's requests in order, each with its status and what happened to the session;
 * choosing one shows its response.
 */
import type { TimelineEntry } from '../controller.ts';
import { h, replace } from '../dom.ts';
import { currentEntry } from './context.ts';
import type { ViewContext } from './context.ts';
import { actorOf } from './actor-mark.ts';
import { button } from './controls.ts';
import { Panel } from './panel.ts';

export class Timeline extends Panel {
  readonly el = h('section', { class: 'slp-timeline' });
  private readonly onPick: () => void;

  /** `onPick` runs after the reader chose an entry, to show its response. */
  constructor(ctx: ViewContext, onPick: () => void) {
    super(ctx);
    this.onPick = onPick;
  }

  render(): void {
    const { c, t } = this.ctx;
    const user = c.selected;
    const list = c.timelines.get(user.id) ?? [];
    const current = currentEntry(this.ctx);
    replace(
      this.el,
      h('h3', { class: 'slp-subheading' }, t('timeline.title', { name: user.name })),
      list.length === 0
        ? h('p', { class: 'slp-muted' }, t('timeline.empty'))
        : h(
            'ol',
            { class: 'slp-timeline-list' },
            list.map((entry, i) => {
              const req = entry.kind === 'exchange' ? entry.exchange.request : entry.request;
              const url = new URL(req.url);
              const from = entry.kind === 'exchange' && actorOf(entry.exchange) ? `${t('actor.markShort')} · ` : '';
              const pick = () => {
                this.ctx.viewing.set(user.id, entry.seq);
                this.onPick();
                this.render();
              };
              return h(
                'li',
                {},
                button(`${i + 1}. ${from}${req.method} ${url.pathname}${url.search} → ${this.result(entry)}`, pick, {
                  class: 'slp-timeline-item',
                  fk: `tl-${entry.seq}`,
                  attrs: { 'aria-current': entry === current ? 'true' : false },
                }),
              );
            }),
          ),
    );
  }

  /** "200 +session", "302 −session", "✗ no response". */
  private result(entry: TimelineEntry): string {
    const { c, t } = this.ctx;
    if (entry.kind === 'failed') return `✗ ${t('timeline.noResponse')}`;
    const sc = entry.exchange.changes.find((ch) => ch.name === c.settings.SESSION_COOKIE_NAME);
    const mark = sc ? (sc.kind === 'deleted' || sc.kind === 'expired' ? ` ${t('timeline.deleted')}` : sc.kind === 'rejected' ? ` ✗ ${t('change.rejected')}` : ` ${t('timeline.session')}`) : '';
    return `${entry.exchange.response.status}${mark}`;
  }
}
