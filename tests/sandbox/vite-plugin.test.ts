import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { createServer } from 'vite';
import type { ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RUNTIME_MODULE_ID, buildRuntimeBundle, sessionLabRuntime } from '../../playground/sandbox/vite-plugin.ts';
import * as sessionLab from '../../playground/sandbox/runtime/session-lab.ts';

let vite: ViteDevServer;

beforeAll(async () => {
  vite = await createServer({
    root: fileURLToPath(new URL('../..', import.meta.url)),
    configFile: false,
    logLevel: 'silent',
    server: { middlewareMode: true, hmr: false, ws: false },
    appType: 'custom',
    plugins: [sessionLabRuntime()],
  });
});
afterAll(() => vite?.close());

describe('the Vite plugin', () => {
  it('serves the runtime bundle as a string module', async () => {
    const mod = await vite.ssrLoadModule(RUNTIME_MODULE_ID);
    expect(typeof mod.default).toBe('string');
    // One classic script: an IIFE, with no import/export statements left in it.
    // (booleans, so a failure does not print half a megabyte)
    expect(/^("use strict";)?\(\(\)=>\{/.test(mod.default)).toBe(true);
    // It compiles as a classic script body (module syntax would be a SyntaxError here).
    expect(() => new Function(mod.default)).not.toThrow();
    expect(mod.default.includes('sourceURL=')).toBe(true);
  });
});

describe('buildRuntimeBundle', () => {
  it('bundles sucrase, itty-router and the engine, listing its inputs', async () => {
    const bundle = await buildRuntimeBundle();
    const inputs = bundle.inputs.join('\n');
    expect(inputs).toMatch(/node_modules\/sucrase\//);
    expect(inputs).toMatch(/node_modules\/itty-router\//);
    expect(inputs).toMatch(/playground\/engine\/middleware\.ts/);
    console.log(`[sandbox] runtime bundle: ${(bundle.code.length / 1024).toFixed(0)} KB minified, ${(gzipSync(bundle.code, { level: 9 }).length / 1024).toFixed(1)} KB gzip`);
  });
});

describe('editor typings', () => {
  it('hold the itty-router declarations and a session-lab module naming every runtime export', async () => {
    const { editorTypings } = await vite.ssrLoadModule('/tests/sandbox/fixtures/typings-entry.ts');
    const files = editorTypings() as { path: string; content: string }[];
    const paths = files.map((f) => f.path);
    expect(paths).toContain('file:///node_modules/itty-router/index.d.ts');
    expect(paths).toContain('file:///node_modules/itty-router/types/IRequest.d.ts');
    expect(paths).toContain('file:///node_modules/itty-router/package.json');
    const lab = files.find((f) => f.path.includes('session-lab'));
    expect(lab?.content).toContain("declare module 'session-lab'");
    for (const name of Object.keys(sessionLab)) {
      expect(lab?.content, `session-lab.d.ts declares ${name}`).toMatch(new RegExp(`export (function|class|const) ${name}\\b`));
    }
    for (const name of ['SessionRequest', 'Session', 'setdefault', 'permanent', 'accessed']) expect(lab?.content).toContain(name);
  });
});
