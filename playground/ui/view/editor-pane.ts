/**
 * The code editor inside the server panel: the static highlighted code first, then Monaco (full page:
 * after the routes first load; lessons: when asked), or the plain textarea, and the toolbar toggle
 * between the two.
 */
import { h } from '../dom.ts';
import { createPlainEditor, loadMonaco, prefersPlainEditor } from '../editor.ts';
import type { CodeEditor } from '../editor.ts';
import type { Mode } from './options.ts';
import type { ViewContext } from './context.ts';
import { button } from './controls.ts';
import { Panel } from './panel.ts';

export interface EditorPaneOptions {
  mode: Mode;
  staticCode?: HTMLElement | null;
  editorAfter?: Promise<unknown>;
  /** Id of the text that explains the editor's keys. */
  describedBy: string;
  onSubmit: () => void;
}

export class EditorPane extends Panel {
  readonly box = h('div', { class: 'slp-editor' });
  readonly message = h('p', { class: 'slp-editor-message', attrs: { 'aria-live': 'polite' } });
  /** The whole code for paper (src/styles/print.css): Monaco draws only the lines in view. */
  readonly printCopy = h('pre', { class: 'slp-print-code', attrs: { 'aria-hidden': 'true' } });
  /** The toolbar's "Plain editor" button; none where the plain editor is the only one. */
  readonly plainToggle: HTMLButtonElement | null = null;

  private editor: CodeEditor | null = null;
  /** Before an editor opens: the code on screen, read-only (the build's highlighted copy, or ours). */
  private codeView: { el: HTMLElement; code: string } | null = null;
  private loading = false;
  /** Only the reader's own toggle decides for the plain editor; a fallback never counts as a choice. */
  private readerWantsPlain = false;
  private openMonaco: (() => void) | null = null;
  private usePlain: (() => void) | null = null;
  private readonly opts: EditorPaneOptions;

  constructor(ctx: ViewContext, opts: EditorPaneOptions) {
    super(ctx);
    this.opts = opts;
    this.printCopy.textContent = ctx.c.code;
    if (!prefersPlainEditor()) {
      // A way to a simple textarea on desktop too: screen readers, slow machines, or taste.
      this.plainToggle = button(ctx.t('toolbar.plainEditor'), () => this.togglePlain(), { attrs: { 'aria-pressed': 'false' } });
    }
  }

  /** Shows the controller's code unless the editor already holds it (keeps the cursor while typing). */
  syncCode(): void {
    const code = this.ctx.c.code;
    this.printCopy.textContent = code;
    if (this.editor) {
      if (this.editor.getValue() !== code) this.editor.setValue(code);
    } else if (this.codeView && this.codeView.code !== code) {
      this.showCodeView(null);
    }
  }

  /** After a reset or the solution: the controller's code replaces the editor's, whatever it holds. */
  replaceCode(): void {
    if (this.editor) this.editor.setValue(this.ctx.c.code);
    else this.syncCode();
  }

  markLoadError(): void {
    const load = this.ctx.c.load;
    this.editor?.setError(load.status === 'error' ? load.error : null);
  }

  dispose(): void {
    this.editor?.dispose();
  }

  /**
   * The code, read-only, until an editor opens. The build's highlighted copy is used only while it
   * is exactly the controller's code; anything else (saved work, a link, another example) is drawn
   * from the controller, so the code on screen is always the code the sandbox runs.
   */
  private showCodeView(built: HTMLElement | null): void {
    const code = this.ctx.c.code;
    const el = built ?? h('pre', { class: 'slp-code-view', attrs: { tabindex: 0, 'aria-label': this.ctx.t('editor.label') } }, h('code', {}, code));
    this.codeView = { el, code };
    this.box.replaceChildren(el);
  }

  start(): void {
    const { c, t } = this.ctx;
    const plain = prefersPlainEditor() || new URLSearchParams(location.search).get('editor') === 'plain';
    const options = {
      container: this.box,
      code: c.code,
      label: t('editor.label'),
      describedBy: this.opts.describedBy,
      onChange: (code: string) => c.setCode(code),
      onSubmit: () => this.opts.onSubmit(),
    };
    const usePlain = () => {
      this.editor?.dispose();
      this.codeView = null;
      this.editor = createPlainEditor({ ...options, code: c.code });
      this.plainToggle?.setAttribute('aria-pressed', 'true');
      this.markLoadError();
    };
    this.usePlain = usePlain;
    if (plain) {
      usePlain();
      return;
    }
    this.showCodeView(this.opts.staticCode ?? null);
    const open = () => {
      if (this.loading || this.editor?.kind === 'monaco') return;
      this.loading = true;
      this.message.textContent = t('editor.loading');
      this.box.setAttribute('aria-busy', 'true');
      loadMonaco({ ...options, code: c.code })
        .then((editor) => {
          this.message.textContent = '';
          if (this.readerWantsPlain) {
            // The reader switched to the plain editor while Monaco was loading: keep their choice.
            editor.dispose();
            usePlain();
            return;
          }
          this.editor?.dispose();
          this.codeView = null;
          this.editor = editor;
          // Edits made meanwhile (plain editor, solution, reset) reach Monaco too.
          editor.setValue(c.code);
          this.plainToggle?.setAttribute('aria-pressed', 'false');
          this.markLoadError();
        })
        .catch((e: unknown) => {
          this.message.textContent = t('editor.failed', { message: e instanceof Error ? e.message : String(e) });
          this.message.classList.add('slp-error');
          if (!this.editor) usePlain();
        })
        .finally(() => {
          this.loading = false;
          this.box.removeAttribute('aria-busy');
        });
    };
    this.openMonaco = open;
    if (this.opts.mode === 'full') {
      const after = this.opts.editorAfter ?? Promise.resolve();
      const idle = () => ('requestIdleCallback' in window ? requestIdleCallback(() => open(), { timeout: 1000 }) : setTimeout(open, 0));
      void Promise.race([after, new Promise((r) => setTimeout(r, 4000))]).then(idle, idle);
      return;
    }
    // Lessons: Monaco (1 MB) only when the reader asks for it; the plain editor is one click away too.
    const openButton = button(t('editor.open'), () => open(), { class: 'slp-button slp-open-editor' });
    this.message.replaceChildren(openButton);
  }

  private togglePlain(): void {
    if (this.editor?.kind !== 'plain') {
      this.readerWantsPlain = true;
      this.usePlain?.();
      this.editor?.focus();
    } else {
      this.readerWantsPlain = false;
      this.openMonaco?.();
    }
  }
}
