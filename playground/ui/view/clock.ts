/**
 * The virtual clock row: how far it runs ahead, the date it shows, buttons to move it on, and which
 * cookies the last move expired.
 */
import { h, replace } from '../dom.ts';
import type { StringKey } from '../strings.ts';
import { button } from './controls.ts';
import { formatDate, formatOffset } from './format.ts';
import { Panel } from './panel.ts';

const CLOCK_STEPS: [StringKey, number][] = [
  ['clock.plus1m', 60],
  ['clock.plus1h', 3600],
  ['clock.plus1d', 86400],
  ['clock.plus31d', 31 * 86400],
];

export class ClockRow extends Panel {
  readonly el = h('div', { class: 'slp-clock' });

  render(): void {
    const { c, t } = this.ctx;
    const now = c.clock.now();
    const expired = c.lastClockChanges;
    replace(
      this.el,
      h('span', { class: 'slp-clock-label' }, t('clock.offset', { offset: formatOffset(c.clock.offset()) })),
      h('time', { class: 'slp-muted', attrs: { datetime: new Date(now * 1000).toISOString() } }, formatDate(now)),
      h(
        'span',
        { class: 'slp-clock-buttons' },
        CLOCK_STEPS.map(([key, seconds]) =>
          button(t(key), () => c.advanceClock(seconds), {
            class: 'slp-button slp-small',
            fk: `clock-${seconds}`,
            attrs: { 'aria-label': t('clock.advance', { amount: t(key) }) },
          }),
        ),
      ),
      expired
        ? h(
            'p',
            { class: 'slp-clock-result', attrs: { role: 'status' } },
            expired.length === 0
              ? t('clock.nothingExpired')
              : t('clock.expired', { names: expired.map((e) => `${e.change.name} (${e.user})`).join(', ') }),
          )
        : null,
    );
  }
}
