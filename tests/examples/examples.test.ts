/**
 * Every example in content/examples runs its own checks against the real engine: examples that are
 * not exercises pass them; exercises fail every check with the starting code (routes*.ts) and pass
 * every check with the solution (solution*.ts), in both languages.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { inspectSessionCookie } from '../../playground/engine/cookie-codec.ts';
import { createHarness } from '../../playground/sandbox/runtime/harness.ts';
import { modules, readSessionConfig } from '../../playground/sandbox/runtime/modules.ts';
import { installGuardFreeHeaders } from '../../playground/sandbox/runtime/web-shims.ts';
import { runChecks } from '../../playground/ui/checks.ts';
import type { CheckStep } from '../../playground/ui/model.ts';
import { translator } from '../../playground/ui/strings.ts';

const base = new URL('../../content/examples/', import.meta.url).pathname;
const ids = readdirSync(base).filter((d) => existsSync(`${base}${d}/routes.ts`) && existsSync(`${base}${d}/example.json`));

interface ExampleJson {
  config?: Record<string, unknown>;
  checks: { title: { es: string; en: string }; steps: CheckStep[] }[];
}

async function run(id: string, file: string, lang: 'es' | 'en'): Promise<boolean[]> {
  const ex = JSON.parse(readFileSync(`${base}${id}/example.json`, 'utf8')) as ExampleJson;
  const config = { SECRET_KEY: 'tu_clave_secreta_aqui', ...ex.config };
  const harness = createHarness({ modules, prepareConfig: (c) => readSessionConfig(c) });
  const loaded = harness.load(readFileSync(`${base}${id}/${file}`, 'utf8'));
  expect(loaded.ok, `${id}/${file} loads`).toBe(true);
  const server = {
    request: async (req: Parameters<typeof harness.request>[0], env: Parameters<typeof harness.request>[1]) => {
      const out = await harness.request(req, env);
      return { ok: true as const, response: out.response, logs: out.logs };
    },
  };
  const results = await runChecks(
    ex.checks.map((c) => ({ title: c.title[lang], steps: c.steps })),
    {
      server,
      config,
      lang,
      t: translator(lang),
      readSession: (value, _now, current) => {
        const info = inspectSessionCookie(value, { secretKey: String(current.SECRET_KEY) });
        return info.data && typeof info.data === 'object' ? (info.data as Record<string, unknown>) : undefined;
      },
      start: 1_800_000_000,
    },
  );
  return results.map((r) => r.passed);
}

beforeAll(() => installGuardFreeHeaders());

describe.each(ids)('example %s', (id) => {
  const exercise = existsSync(`${base}${id}/solution.ts`);
  it.each(['es', 'en'] as const)('checks behave as designed (%s)', async (lang) => {
    const suffix = lang === 'en' ? '.en' : '';
    const start = await run(id, existsSync(`${base}${id}/routes${suffix}.ts`) ? `routes${suffix}.ts` : 'routes.ts', lang);
    expect(start.length).toBeGreaterThan(0);
    if (!exercise) {
      expect(start.every(Boolean)).toBe(true);
      return;
    }
    expect(start.some(Boolean)).toBe(false);
    const solved = await run(id, existsSync(`${base}${id}/solution${suffix}.ts`) ? `solution${suffix}.ts` : 'solution.ts', lang);
    expect(solved.every(Boolean)).toBe(true);
  });
});
