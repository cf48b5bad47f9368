/**
 * The 500 pages. With `debug=True`, Flask (through Werkzeug) answers an unhandled exception with a
 * traceback page; the playground always shows that, since the reader is the developer here.
 */
import type { Frame } from './compile.ts';
import { SOURCE_URL } from './compile.ts';

const escape = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);

const STYLE =
  'body{font-family:system-ui,sans-serif;margin:1.5em;color:#000}h1{font-weight:normal;margin:0 0 .3em}' +
  '.errormsg{font-family:monospace;font-size:1.1em;background:#fdd;padding:.5em}' +
  '.frame{margin:.6em 0;border-left:3px solid #ccc;padding-left:.6em}pre{margin:.2em 0;background:#eee;padding:.3em}' +
  '.explain{background:#eef;padding:.6em;border-radius:4px}';

export interface DebugPageInput {
  name: string;
  message: string;
  /** Innermost first, as V8 reports them. */
  frames: Frame[];
  sourceLines: string[];
  explanation?: string;
}

export function debuggerPage({ name, message, frames, sourceLines, explanation }: DebugPageInput): string {
  const title = `${name}: ${message}`;
  const traceback = [...frames]
    .reverse()
    .map((f) => {
      const src = sourceLines[f.line - 1];
      return (
        `<div class="frame"><div>File <cite>"${SOURCE_URL}"</cite>, line <em>${f.line}</em>, in <code>${escape(f.fn)}</code></div>` +
        (src !== undefined ? `<pre>${escape(src.trim())}</pre>` : '') +
        '</div>'
      );
    })
    .join('');
  return (
    `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>${escape(title)} // Session Lab debugger</title>` +
    `<style>${STYLE}</style></head><body>` +
    `<h1>${escape(name)}</h1><p class="errormsg">${escape(title)}</p>` +
    (explanation ? `<p class="explain">${escape(explanation)}</p>` : '') +
    (traceback ? `<h2>Traceback <em>(most recent call last)</em></h2>${traceback}` : '') +
    '<p>The route raised an exception that nothing handled, so the server answered ' +
    '<b>500 Internal Server Error</b>, as Flask does (this page stands in for its debugger).</p>' +
    '</body></html>\n'
  );
}
