import * as itty from 'itty-router';
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../playground/engine/index.ts';
import { createHarness } from '../../playground/sandbox/runtime/harness.ts';
import * as sessionLab from '../../playground/sandbox/runtime/session-lab.ts';
import { warmUp } from '../../playground/sandbox/runtime/warm-up.ts';

const modules = { 'itty-router': itty, 'session-lab': sessionLab };

describe("the worker's warm-up", () => {
  it('runs a full exchange through the real engine: a compressed cookie set, then read back', async () => {
    expect(await warmUp(createHarness({ modules, prepareConfig: (c) => defaultConfig(c) }))).toBe(true);
  });

  it('fails quietly, without throwing, when the exchange does not work', async () => {
    const broken = { ...modules, 'session-lab': { ...sessionLab, saveSession: (r: unknown) => r } };
    expect(await warmUp(createHarness({ modules: broken, prepareConfig: (c) => defaultConfig(c) }))).toBe(false);
  });

  it("leaves the reader's harness alone: nothing loaded there, no logs", async () => {
    const reader = createHarness({ modules, prepareConfig: (c) => defaultConfig(c) });
    await warmUp(createHarness({ modules, prepareConfig: (c) => defaultConfig(c) }));
    expect(reader.loaded).toBe(false);
    expect(reader.logs.take()).toEqual([]);
  });
});
