/**
 * A tiny element builder. Strings always become text nodes: reader output (bodies, headers, cookie
 * values, logs) can contain markup, and none of it may ever be parsed as HTML in the page.
 */
export type Child = Node | string | number | null | undefined | false;

export interface Props {
  class?: string;
  /** Attributes (aria-*, role, type, …); `false`/`null`/`undefined` leave the attribute out. */
  attrs?: Record<string, string | number | boolean | null | undefined>;
  on?: { [K in keyof HTMLElementEventMap]?: (event: HTMLElementEventMap[K]) => void };
  /** Properties set directly (value, checked, srcdoc, hidden, …). */
  props?: Record<string, unknown>;
  /** A key for keeping focus across re-renders. */
  fk?: string;
}

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, p: Props = {}, ...children: (Child | Child[])[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (p.class) el.className = p.class;
  if (p.attrs) {
    for (const [k, v] of Object.entries(p.attrs)) {
      if (v === false || v === null || v === undefined) continue;
      el.setAttribute(k, v === true ? '' : String(v));
    }
  }
  if (p.props) Object.assign(el, p.props);
  if (p.fk) el.dataset.fk = p.fk;
  if (p.on) {
    for (const [type, fn] of Object.entries(p.on)) el.addEventListener(type, fn as EventListener);
  }
  append(el, children);
  return el;
}

export function append(el: Node, children: (Child | Child[])[]): void {
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    el.appendChild(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
  }
}

/** Replaces a container's content, keeping keyboard focus on the "same" control when it is rebuilt. */
export function replace(container: Element, ...children: (Child | Child[])[]): void {
  const active = document.activeElement as HTMLElement | null;
  const key = active && container.contains(active) ? active.dataset.fk : undefined;
  container.replaceChildren();
  append(container, children);
  if (key) {
    const again = container.querySelector<HTMLElement>(`[data-fk="${CSS.escape(key)}"]`);
    again?.focus({ preventScroll: true });
  }
}

let counter = 0;
export function uid(prefix: string): string {
  return `${prefix}-${++counter}`;
}

/** Cuts very long reader output for display; the caller says how much was cut. */
export function truncate(text: string, max: number): { text: string; cut: boolean } {
  return text.length > max ? { text: text.slice(0, max), cut: true } : { text, cut: false };
}
