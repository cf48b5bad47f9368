/**
 * "Attacks": the security actors behind one disclosure, closed by default so the lab stays calm until
 * a lesson needs them. One browser is chosen here (it is the selected user: the exchange then shows
 * in the timeline and response right above), and three tabs hold the actors: another site, a script
 * in the page, the key guesser.
 */
import { h, uid } from '../dom.ts';
import { arrowKeys } from './controls.ts';
import type { ViewContext } from './context.ts';
import { KeyGuessAttack } from './attack-key-guess.ts';
import { OtherSiteAttack } from './attack-other-site.ts';
import { ScriptAttack } from './attack-script.ts';
import { Panel } from './panel.ts';

export class AttacksPanel extends Panel {
  readonly el: HTMLDetailsElement;
  private readonly user: HTMLSelectElement;
  private readonly site: OtherSiteAttack;
  private readonly script: ScriptAttack;
  private readonly guess: KeyGuessAttack;

  constructor(ctx: ViewContext) {
    super(ctx);
    const { t, c } = ctx;
    const id = uid('slp-attacks');
    this.site = new OtherSiteAttack(ctx);
    this.script = new ScriptAttack(ctx);
    this.guess = new KeyGuessAttack(ctx);
    this.user = h('select', { attrs: { id: `${id}-user` }, on: { change: () => c.select(this.user.value) } });

    const parts = [
      { name: 'site', label: t('actor.site.title'), el: this.site.el },
      { name: 'script', label: t('actor.script.title'), el: this.script.el },
      { name: 'guess', label: t('actor.guess.title'), el: this.guess.el },
    ];
    const tabs = parts.map((p, i) =>
      h(
        'button',
        {
          class: 'slp-tab',
          attrs: { role: 'tab', type: 'button', id: `${id}-${p.name}`, 'aria-controls': `${id}-${p.name}-panel`, 'aria-selected': String(i === 0), tabindex: i === 0 ? false : -1 },
          on: { click: () => select(i) },
        },
        p.label,
      ),
    );
    const panels = parts.map((p, i) =>
      h('div', { class: 'slp-attack-panel', attrs: { role: 'tabpanel', id: `${id}-${p.name}-panel`, 'aria-labelledby': `${id}-${p.name}`, tabindex: 0 }, props: { hidden: i !== 0 } }, p.el),
    );
    const select = (index: number) => {
      tabs.forEach((tab, i) => {
        tab.setAttribute('aria-selected', String(i === index));
        tab.tabIndex = i === index ? 0 : -1;
        panels[i].hidden = i !== index;
      });
    };
    const list = h('div', { class: 'slp-tabs', attrs: { role: 'tablist', 'aria-label': t('attacks.tabs') } }, tabs);
    arrowKeys(list, select);

    const content = [
      h('p', { class: 'slp-muted' }, t('attacks.intro')),
      h('div', { class: 'slp-attack-field' }, h('label', { attrs: { for: this.user.id } }, t('actor.user')), this.user),
      list,
      ...panels,
    ];
    // The actors join the page on first opening: until then the section is one summary line, with
    // no hidden controls for the keyboard or assistive technology to stumble on.
    this.el = h('details', {
      class: 'slp-attacks',
      on: {
        toggle: () => {
          if (this.el.open && !this.el.contains(list)) this.el.append(...content);
          this.render();
        },
      },
    }, h('summary', { class: 'slp-attacks-summary' }, t('attacks.summary')));
  }

  /** Closed, it draws nothing: the actors cost nothing until the reader opens them. */
  render(): void {
    if (!this.el.open) return;
    const { c } = this.ctx;
    const focused = document.activeElement === this.user;
    this.user.replaceChildren(...c.users.map((u) => h('option', { props: { value: u.id, selected: u.id === c.selectedId } }, u.name)));
    this.user.value = c.selectedId;
    if (focused) this.user.focus({ preventScroll: true });
    this.script.render();
    this.guess.render();
  }
}
