/**
 * The code editor behind one interface: Monaco on desktops (loaded on demand), a plain textarea on
 * phones, touch screens and when Monaco fails. Both share the keys the playground documents:
 * Ctrl/Cmd+Enter sends the request, Escape then Tab leaves the editor (Tab alone indents).
 */
export interface CodeError {
  message: string;
  line?: number;
  column?: number;
}

export interface CodeEditor {
  readonly kind: 'plain' | 'monaco';
  getValue(): string;
  setValue(code: string): void;
  /** Marks the error in the editor, or clears the mark with null. */
  setError(error: CodeError | null): void;
  focus(): void;
  dispose(): void;
}

export interface EditorOptions {
  container: HTMLElement;
  code: string;
  label: string;
  /** Id of the element describing the keys, for aria-describedby. */
  describedBy?: string;
  onChange(code: string): void;
  onSubmit(): void;
  readOnly?: boolean;
}

/** Narrow or touch-first screens get the plain editor: Monaco does not support mobile browsers. */
export function prefersPlainEditor(): boolean {
  if (typeof matchMedia !== 'function') return true;
  return matchMedia('(max-width: 719px)').matches || matchMedia('(pointer: coarse)').matches;
}

/** Moves focus to the next (or previous) focusable element after `from`, outside it. */
export function focusOutside(from: HTMLElement, backwards: boolean): void {
  const all = [...document.querySelectorAll<HTMLElement>('a[href], button, input, select, textarea, [tabindex]:not([tabindex="-1"])')].filter(
    (el) => !el.hasAttribute('disabled') && el.offsetParent !== null && !from.contains(el),
  );
  const after = all.filter((el) => from.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING);
  const before = all.filter((el) => from.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_PRECEDING);
  const target = backwards ? before[before.length - 1] : after[0];
  target?.focus();
}

/**
 * Listens in the capture phase on the editor's box, before the editor itself sees the key:
 * returns true when the key was handled.
 */
export function installKeys(box: HTMLElement, onSubmit: () => void): { escaped(): boolean } {
  let escaped = false;
  box.addEventListener(
    'keydown',
    (e) => {
      if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
        e.preventDefault();
        e.stopPropagation();
        escaped = false;
        onSubmit();
        return;
      }
      if (e.key === 'Escape') {
        escaped = true;
        return;
      }
      if (e.key === 'Tab' && escaped) {
        e.preventDefault();
        e.stopPropagation();
        escaped = false;
        focusOutside(box, e.shiftKey);
        return;
      }
      if (e.key !== 'Shift') escaped = false;
    },
    true,
  );
  return { escaped: () => escaped };
}

export function createPlainEditor(opts: EditorOptions): CodeEditor {
  const area = document.createElement('textarea');
  area.className = 'slp-plain-editor';
  area.value = opts.code;
  area.spellcheck = false;
  area.setAttribute('autocapitalize', 'off');
  area.setAttribute('autocomplete', 'off');
  area.setAttribute('aria-label', opts.label);
  if (opts.describedBy) area.setAttribute('aria-describedby', opts.describedBy);
  area.readOnly = Boolean(opts.readOnly);
  area.rows = Math.min(30, Math.max(12, opts.code.split('\n').length + 1));
  const keys = installKeys(opts.container, opts.onSubmit);
  area.addEventListener('keydown', (e) => {
    // Tab indents, like a code editor; after Escape the capture listener above moved focus instead.
    if (e.key === 'Tab' && !e.shiftKey && !keys.escaped() && !area.readOnly) {
      e.preventDefault();
      area.setRangeText('  ', area.selectionStart, area.selectionEnd, 'end');
      opts.onChange(area.value);
    }
  });
  area.addEventListener('input', () => opts.onChange(area.value));
  opts.container.replaceChildren(area);
  return {
    kind: 'plain',
    getValue: () => area.value,
    setValue(code) {
      if (area.value !== code) area.value = code;
    },
    setError(error) {
      if (error) area.setAttribute('aria-invalid', 'true');
      else area.removeAttribute('aria-invalid');
    },
    focus: () => area.focus(),
    dispose: () => area.remove(),
  };
}

export type MonacoFactory = (opts: EditorOptions) => Promise<CodeEditor>;

/** Loads Monaco's chunk only now; the module's CSS arrives as <style> (see ../startup/vite-monaco-css.ts). */
export const loadMonaco: MonacoFactory = async (opts) => {
  const { createMonacoEditor } = await import('./monaco-editor.ts');
  return createMonacoEditor(opts);
};
