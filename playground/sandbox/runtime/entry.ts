/**
 * The worker's entry point, bundled into one classic script (see ../vite-plugin.ts).
 *
 * The worker's bootstrap (../frame.ts) evaluates this text, which came over the MessagePort to the
 * page, then hands that port over as a message event; everything after that goes over the port.
 */
import { createLogCapture } from './console-capture.ts';
import { createHarness } from './harness.ts';
import { modules, readSessionConfig } from './modules.ts';
import { serve } from './serve.ts';
import type { PortLike } from './serve.ts';
// In this bundle ./transform.ts *is* ./transform-lazy.ts (see ../vite-plugin.ts): no sucrase here.
import { installCompiler } from './transform-lazy.ts';
import { installGuardFreeHeaders } from './web-shims.ts';

installGuardFreeHeaders();

const logs = createLogCapture();
// Logs from timers and promises outside a request land in the next reply instead of a devtools
// console nobody sees.
const g = globalThis as unknown as { console: Console };
for (const key of Object.keys(logs.console) as (keyof Console)[]) {
  try {
    (g.console as unknown as Record<string, unknown>)[key] = logs.console[key];
  } catch {
    // a read-only console method: leave it
  }
}
addEventListener('error', (event) => {
  (event as ErrorEvent).preventDefault();
  logs.push(`[uncaught] ${(event as ErrorEvent).message}`);
});
addEventListener('unhandledrejection', (event) => {
  (event as PromiseRejectionEvent).preventDefault();
  const reason = (event as PromiseRejectionEvent).reason;
  logs.push(`[unhandled rejection] ${reason instanceof Error ? `${reason.name}: ${reason.message}` : String(reason)}`);
});

const harness = createHarness({ modules, logs, prepareConfig: (config) => readSessionConfig(config) });

const onBoot = (event: MessageEvent) => {
  const port = event.ports?.[0];
  if (!port) return;
  removeEventListener('message', onBoot);
  serve(port as unknown as PortLike, harness, { installCompiler });
};
addEventListener('message', onBoot);
