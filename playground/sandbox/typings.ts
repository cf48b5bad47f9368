/// <reference types="vite/client" />
/**
 * Type declarations for the playground editor (Monaco's TypeScript worker), so completions and
 * squiggles know itty-router and `session-lab` (generated from the engine at build time, see
 * ../startup/typings-build.ts). A separate module on purpose: only the editor imports it, and only the editor
 * pays for the text.
 */
import sessionLab from 'virtual:session-lab-typings';

// Every .d.ts of the installed itty-router (5.0.24), as text. The pattern names node_modules
// explicitly, which is what makes Vite's glob look inside it.
const itty = import.meta.glob<string>('/node_modules/itty-router/**/*.d.ts', { query: '?raw', import: 'default', eager: true });

export interface EditorTypingFile {
  /** A file:/// path inside Monaco's virtual file system. */
  path: string;
  content: string;
}

export function editorTypings(): EditorTypingFile[] {
  const files: EditorTypingFile[] = Object.entries(itty).map(([path, content]) => ({ path: `file://${path}`, content }));
  // Node-style resolution finds `itty-router` through this (the real package.json's exports map is not needed).
  files.push({
    path: 'file:///node_modules/itty-router/package.json',
    content: JSON.stringify({ name: 'itty-router', version: '5.0.24', types: './index.d.ts' }),
  });
  files.push(...sessionLab);
  return files;
}
