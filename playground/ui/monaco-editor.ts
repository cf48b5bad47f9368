/**
 * Monaco, slim: the editor API, the TypeScript tokenizer and language service, and nothing else
 * (the full `monaco-editor` import drags in css/html/json workers nobody uses). This module is only
 * reached through a dynamic import(), so docs pages never load it.
 */
import * as monaco from 'monaco-editor/editor/editor.api';
import 'monaco-editor/languages/definitions/typescript/register';
import { ModuleKind, ModuleResolutionKind, ScriptTarget, typescriptDefaults } from 'monaco-editor/languages/features/typescript/register';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import TsWorker from 'monaco-editor/languages/features/typescript/ts.worker?worker';
import { editorTypings } from '../sandbox/typings.ts';
import { installKeys } from './editor.ts';
import type { CodeEditor, EditorOptions } from './editor.ts';

declare global {
  interface Window {
    MonacoEnvironment?: { getWorker(workerId: string, label: string): Worker };
  }
}

let configured = false;

function configureOnce(): void {
  if (configured) return;
  configured = true;
  // Monaco asks for a worker for every language label it meets; only TypeScript has its own.
  window.MonacoEnvironment = {
    getWorker: (_id, label) => (label === 'typescript' || label === 'javascript' ? new TsWorker() : new EditorWorker()),
  };
  typescriptDefaults.setCompilerOptions({
    strict: true,
    target: ScriptTarget.ES2020,
    module: ModuleKind.ESNext,
    moduleResolution: ModuleResolutionKind.NodeJs,
    allowNonTsExtensions: true,
    noEmit: true,
    lib: ["es2022", "dom"],
  });
  typescriptDefaults.setExtraLibs(editorTypings().map(({ path, content }) => ({ filePath: path, content })));
}

/** Starlight's page background as #rrggbb (Monaco wants hex), whatever CSS colour syntax it uses. */
function pageBackground(fallback: string): string {
  const probe = document.createElement('span');
  probe.style.color = 'var(--sl-color-black)';
  document.body.appendChild(probe);
  const rgb = getComputedStyle(probe).color.match(/\d+(\.\d+)?/g);
  probe.remove();
  if (!rgb || rgb.length < 3) return fallback;
  return `#${rgb.slice(0, 3).map((n) => Math.round(Number(n)).toString(16).padStart(2, '0')).join('')}`;
}

const isLight = () => document.documentElement.dataset.theme === 'light';

/** Re-defined on every switch: the page background differs between Starlight's light and dark. */
function applyTheme(): void {
  const light = isLight();
  const name = light ? 'session-lab-light' : 'session-lab-dark';
  monaco.editor.defineTheme(name, {
    base: light ? 'vs' : 'vs-dark',
    inherit: true,
    // vs-dark's comment green (#608b4e) falls just under 4.5:1 on the page background (WCAG AA).
    rules: light ? [] : [{ token: 'comment', foreground: '7ca668' }],
    colors: { 'editor.background': pageBackground(light ? '#ffffff' : '#17181c') },
  });
  monaco.editor.setTheme(name);
}

let modelCount = 0;

export async function createMonacoEditor(opts: EditorOptions): Promise<CodeEditor> {
  configureOnce();
  const uri = monaco.Uri.parse(`file:///playground/routes${++modelCount === 1 ? '' : modelCount}.ts`);
  const model = monaco.editor.createModel(opts.code, 'typescript', uri);
  const box = document.createElement('div');
  box.className = 'slp-monaco';
  opts.container.replaceChildren(box);
  const editor = monaco.editor.create(box, {
    model,
    ariaLabel: opts.label,
    automaticLayout: true,
    minimap: { enabled: false },
    fontSize: 14,
    lineNumbersMinChars: 3,
    scrollBeyondLastLine: false,
    tabSize: 2,
    readOnly: Boolean(opts.readOnly),
    renderLineHighlight: 'none',
    fixedOverflowWidgets: true,
  });
  applyTheme();
  installKeys(opts.container, opts.onSubmit);
  const changes = model.onDidChangeContent(() => opts.onChange(model.getValue()));
  // Follow Starlight's theme switch (it sets data-theme on <html>).
  const observer = new MutationObserver(applyTheme);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });

  return {
    kind: 'monaco',
    getValue: () => model.getValue(),
    setValue(code) {
      if (model.getValue() !== code) model.setValue(code);
    },
    setError(error) {
      const markers: monaco.editor.IMarkerData[] = [];
      if (error) {
        const line = Math.min(Math.max(error.line ?? 1, 1), model.getLineCount());
        const column = Math.max(error.column ?? 1, 1);
        markers.push({
          severity: monaco.MarkerSeverity.Error,
          message: error.message,
          startLineNumber: line,
          startColumn: column,
          endLineNumber: line,
          endColumn: Math.max(column + 1, model.getLineMaxColumn(line)),
        });
      }
      monaco.editor.setModelMarkers(model, 'session-lab', markers);
    },
    focus: () => editor.focus(),
    dispose() {
      observer.disconnect();
      changes.dispose();
      editor.dispose();
      model.dispose();
    },
  };
}
