/**
 * Monaco's modules `import './something.css'`. Left to Vite, those imports become a render-blocking
 * <link rel="stylesheet"> on every page that might open the editor — every docs page with a
 * playground, before the reader asked for an editor (175 KB measured). This plugin turns each of
 * them into a tiny JS module that appends the CSS as a <style> when Monaco's chunk actually runs.
 *
 * The virtual id ends in ".js", not ".css": an id ending in ".css" would be claimed again by Vite's
 * CSS pipeline and emitted as a stylesheet.
 */
const PREFIX = '\0session-lab-monaco-style:';

interface ResolveContext {
  resolve(source: string, importer?: string, options?: { skipSelf?: boolean }): Promise<{ id: string } | null>;
}

export interface MonacoCssPlugin {
  name: string;
  enforce: 'pre';
  resolveId(this: ResolveContext, source: string, importer: string | undefined): Promise<string | null>;
  load(id: string): string | null;
}

function fromMonaco(importer: string | undefined): boolean {
  return Boolean(importer && /[\\/]node_modules[\\/]monaco-editor[\\/]/.test(importer));
}

export function monacoCssAsStyle(): MonacoCssPlugin {
  return {
    name: 'session-lab-monaco-css',
    enforce: 'pre',
    async resolveId(source, importer) {
      if (!source.endsWith('.css') || !fromMonaco(importer)) return null;
      const resolved = await this.resolve(source, importer, { skipSelf: true });
      if (!resolved) return null;
      return `${PREFIX}${resolved.id}.js`;
    },
    load(id) {
      if (!id.startsWith(PREFIX)) return null;
      const file = id.slice(PREFIX.length, -'.js'.length);
      return [
        `import css from ${JSON.stringify(`${file}?inline`)};`,
        `const style = document.createElement('style');`,
        `style.dataset.monaco = ${JSON.stringify(file.split(/[\\/]/).pop() ?? '')};`,
        `style.textContent = css;`,
        `document.head.appendChild(style);`,
      ].join('\n');
    },
  };
}
