import { createServer as createHttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { createServer } from 'vite';
import type { ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMPILER_GLOBAL, COMPILER_MODULE_ID, RUNTIME_MODULE_ID, buildCompilerBundle, buildRuntimeBundle, sessionLabRuntime } from '../../playground/startup/vite-plugin.ts';
import { COMPILER_GLOBAL as LAZY_GLOBAL, hasCompiler, installCompiler, transpile as lazyTranspile } from '../../playground/sandbox/runtime/transform-lazy.ts';
import { transpile } from '../../playground/sandbox/runtime/transform.ts';
import * as sessionLab from '../../playground/sandbox/runtime/session-lab.ts';

let vite: ViteDevServer;
let http: ReturnType<typeof createHttpServer>;
let origin: string;

beforeAll(async () => {
  vite = await createServer({
    root: fileURLToPath(new URL('../..', import.meta.url)),
    configFile: false,
    logLevel: 'silent',
    server: { middlewareMode: true, hmr: false, ws: false },
    appType: 'custom',
    plugins: [sessionLabRuntime()],
  });
  http = createHttpServer(vite.middlewares);
  await new Promise<void>((r) => http.listen(0, '127.0.0.1', r));
  origin = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((r) => http?.close(r));
  await vite?.close();
});

/** The module's URL, and what the dev server answers there. */
async function served(id: string): Promise<{ url: string; status: number; type: string | null; cache: string | null; text: string }> {
  const url = (await vite.ssrLoadModule(id)).default as string;
  const res = await fetch(new URL(url, origin));
  return { url, status: res.status, type: res.headers.get('content-type'), cache: res.headers.get('cache-control'), text: await res.text() };
}

describe('the Vite plugin', () => {
  it("gives the runtime's URL, and the dev server serves it as a classic script, built fresh", async () => {
    const r = await served(RUNTIME_MODULE_ID);
    expect(r.url).toBe('/@session-lab/runtime.js');
    expect(r.status).toBe(200);
    expect(r.type).toMatch(/^text\/javascript/);
    expect(r.cache).toBe('no-store');
    // One classic script: an IIFE, with no import/export statements left in it.
    // (booleans, so a failure does not print half a megabyte)
    expect(/^("use strict";)?\(\(\)=>\{/.test(r.text)).toBe(true);
    // It compiles as a classic script body (module syntax would be a SyntaxError here).
    expect(() => new Function(r.text)).not.toThrow();
    expect(r.text).toBe((await buildRuntimeBundle()).code);
  });

  it('passes other requests on', async () => {
    expect((await fetch(`${origin}/@session-lab/other.js`)).status).toBe(404);
  });
});

describe('buildRuntimeBundle', () => {
  it('bundles itty-router and the engine, one copy of zlib, and no compiler', async () => {
    const bundle = await buildRuntimeBundle();
    const inputs = bundle.inputs.join('\n');
    expect(inputs).not.toMatch(/node_modules\/sucrase\//);
    expect(inputs).toMatch(/playground\/sandbox\/runtime\/transform-lazy\.ts/);
    expect(inputs).toMatch(/node_modules\/itty-router\//);
    expect(inputs).toMatch(/playground\/engine\/middleware\.ts/);
    expect(inputs).toMatch(/node_modules\/pako\/lib\/zlib\/deflate\.js/);
    expect(inputs).not.toMatch(/node_modules\/pako\/dist\//);
    console.log(`[sandbox] runtime bundle: ${(bundle.code.length / 1024).toFixed(0)} KB minified, ${(gzipSync(bundle.code, { level: 9 }).length / 1024).toFixed(1)} KB gzip`);
  });

  it('builds the compiler apart, and the worker can install it and compile like Node does', async () => {
    const bundle = await buildCompilerBundle();
    expect(bundle.inputs.join('\n')).toMatch(/node_modules\/sucrase\//);
    expect(COMPILER_GLOBAL).toBe(LAZY_GLOBAL);
    expect(hasCompiler()).toBe(false);
    expect(() => lazyTranspile('const a = 1')).toThrow(/not loaded/);
    installCompiler(bundle.code);
    expect(hasCompiler()).toBe(true);
    // The global the bundle declares stays inside the Function's scope.
    expect((globalThis as Record<string, unknown>)[COMPILER_GLOBAL]).toBeUndefined();
    const code = "import { AutoRouter } from 'itty-router';\nconst n: number = 1;\nexport default AutoRouter();\n";
    expect(lazyTranspile(code)).toEqual(transpile(code));
    expect(() => lazyTranspile('const = ;')).toThrow();
    console.log(`[sandbox] compiler bundle: ${(bundle.code.length / 1024).toFixed(0)} KB minified, ${(gzipSync(bundle.code, { level: 9 }).length / 1024).toFixed(1)} KB gzip`);
  });

  it("gives the compiler's URL too", async () => {
    const r = await served(COMPILER_MODULE_ID);
    expect(r.url).toBe('/@session-lab/compiler.js');
    expect(r.status).toBe(200);
    expect(r.text.includes(COMPILER_GLOBAL)).toBe(true);
  });
});

describe('editor typings', () => {
  // Generating the declarations runs TypeScript over the engine: seconds, more on a busy machine.
  it('hold the itty-router declarations and the session-lab package generated from the engine', { timeout: 180_000 }, async () => {
    const { editorTypings } = await vite.ssrLoadModule('/tests/sandbox/fixtures/typings-entry.ts');
    const files = editorTypings() as { path: string; content: string }[];
    const paths = files.map((f) => f.path);
    expect(paths).toContain('file:///node_modules/itty-router/index.d.ts');
    expect(paths).toContain('file:///node_modules/itty-router/types/IRequest.d.ts');
    expect(paths).toContain('file:///node_modules/itty-router/package.json');
    const lab = (name: string) => files.find((f) => f.path === `file:///node_modules/@types/session-lab/${name}`)?.content;
    expect(lab('index.d.ts')).toBe("export * from './sandbox/runtime/session-lab';\n");
    for (const name of Object.keys(sessionLab)) expect(lab('sandbox/runtime/session-lab.d.ts'), name).toMatch(new RegExp(`\\b${name}\\b`));
    expect(lab('engine/middleware.d.ts')).toMatch(/export declare function withSession\(request: IRequest, env: FlaskEnv\): void;/);
    // Relative imports point at the .d.ts files next to them, without the sources' .ts ending.
    for (const f of files.filter((x) => x.path.includes('session-lab'))) expect(f.content, f.path).not.toMatch(/from '\.{1,2}\/[^']+\.ts'/);
  });
});
