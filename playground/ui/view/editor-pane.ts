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
  /** The toolbar's "Plain editor" button; none where the plain editor is the only one. */
  readonly plainToggle: HTMLButtonElement | null = null;

  private editor: CodeEditor | null = null;
  private loading = false;
  /** The reader asked for Monaco: a load they started must not be thrown away. */
  private wantMonaco = false;
  private openMonaco: (() => void) | null = null;
  private usePlain: (() => void) | null = null;
  private readonly opts: EditorPaneOptions;

  constructor(ctx: ViewContext, opts: EditorPaneOptions) {
    super(ctx);
    this.opts = opts;
    if (!prefersPlainEditor()) {
      // A way to a simple textarea on desktop too: screen readers, slow machines, or taste.
      this.plainToggle = button(ctx.t('toolbar.plainEditor'), () => this.togglePlain(), { attrs: { 'aria-pressed': 'false' } });
    }
  }

  /** Shows the controller's code unless the editor already holds it (keeps the cursor while typing). */
  syncCode(): void {
    if (this.editor && this.editor.getValue() !== this.ctx.c.code) this.editor.setValue(this.ctx.c.code);
  }

  /** After a reset or the solution: the controller's code replaces the editor's, whatever it holds. */
  replaceCode(): void {
    this.editor?.setValue(this.ctx.c.code);
  }

  markLoadError(): void {
    const load = this.ctx.c.load;
    this.editor?.setError(load.status === 'error' ? load.error : null);
  }

  dispose(): void {
    this.editor?.dispose();
  }

  start(): void {
    const { c, t } = this.ctx;
    const staticCode = this.opts.staticCode;
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
      this.editor = createPlainEditor({ ...options, code: c.code });
      this.plainToggle?.setAttribute('aria-pressed', 'true');
      this.markLoadError();
    };
    this.usePlain = usePlain;
    if (plain) {
      usePlain();
      return;
    }
    // Readable code first: the static highlighted copy stays until Monaco is ready.
    if (staticCode) this.box.replaceChildren(staticCode);
    else usePlain();
    const open = () => {
      if (this.loading || this.editor?.kind === 'monaco') return;
      this.loading = true;
      this.message.textContent = t('editor.loading');
      this.box.setAttribute('aria-busy', 'true');
      loadMonaco({ ...options, code: c.code })
        .then((editor) => {
          if (this.editor?.kind === 'plain' && this.plainToggle?.getAttribute('aria-pressed') === 'true' && !this.wantMonaco) {
            // The reader switched to the plain editor while Monaco was loading.
            editor.dispose();
            return;
          }
          this.wantMonaco = false;
          this.editor?.dispose();
          this.editor = editor;
          this.plainToggle?.setAttribute('aria-pressed', 'false');
          this.message.textContent = '';
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
    const openButton = button(t('editor.open'), () => { this.wantMonaco = true; open(); }, { class: 'slp-button slp-open-editor' });
    this.message.replaceChildren(openButton);
  }

  private togglePlain(): void {
    if (this.editor?.kind === 'monaco' || this.plainToggle?.getAttribute('aria-pressed') !== 'true') {
      this.usePlain?.();
      this.editor?.focus();
    } else {
      this.wantMonaco = true;
      this.openMonaco?.();
    }
  }
}
