/**
 * Controls built the same way everywhere: a plain button, the keyboard of an ARIA tab list, and the
 * attack panels' labelled fields and forms.
 */
import { h } from '../dom.ts';
import type { Child, Props } from '../dom.ts';

/** A `type="button"` button; `type` matters inside the request form, where the default submits. */
export function button(label: Child | Child[], onClick: () => void, p: Omit<Props, 'on'> & { class?: string } = {}): HTMLButtonElement {
  return h('button', { ...p, class: p.class ?? 'slp-button', attrs: { type: 'button', ...p.attrs }, on: { click: onClick } }, label);
}

/** Left/Right/Home/End move between tabs, as the ARIA tabs pattern expects. */
export function arrowKeys(list: HTMLElement, select: (index: number) => void): void {
  if (list.dataset.arrows) return;
  list.dataset.arrows = '1';
  list.addEventListener('keydown', (e) => {
    const tabs = [...list.querySelectorAll<HTMLElement>('[role="tab"]')];
    const i = tabs.indexOf(document.activeElement as HTMLElement);
    if (i < 0) return;
    let next = -1;
    if (e.key === 'ArrowRight') next = (i + 1) % tabs.length;
    else if (e.key === 'ArrowLeft') next = (i - 1 + tabs.length) % tabs.length;
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = tabs.length - 1;
    if (next < 0) return;
    e.preventDefault();
    select(next);
    list.querySelectorAll<HTMLElement>('[role="tab"]')[next]?.focus();
  });
}

/** A control with its visible label, as the attack panels lay them out. */
export function labelled(label: Child, control: HTMLElement): HTMLElement {
  return h('div', { class: 'slp-attack-field' }, h('label', { attrs: { for: control.id } }, label), control);
}

/** An attack panel's form: Enter or its submit button runs `onSubmit`, and the page never navigates. */
export function actorForm(onSubmit: () => void, ...children: Child[]): HTMLFormElement {
  return h(
    'form',
    {
      class: 'slp-attack-form',
      on: {
        submit: (e) => {
          e.preventDefault();
          onSubmit();
        },
      },
    },
    ...children,
  );
}
