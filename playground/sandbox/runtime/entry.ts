/**
 * The worker's entry point, bundled into one classic script (see ../../startup/vite-plugin.ts).
 *
 * The worker's bootstrap (../relay.ts) evaluates this text, then hands on the relay's first message,
 * `[runtime, compiler?]`, as a message event: the compiler (if the relay had it) goes in first, then
 * the worker serves calls from the relay and answers through its own postMessage. There is no port to
 * the page in here: the relay keeps it, where the reader's code cannot reach it.
 */
import { writeReply } from '../contract.ts';
import { createLogCapture } from './console-capture.ts';
import { createHarness } from './harness.ts';
import { modules, readSessionConfig } from './modules.ts';
import { serve } from './serve.ts';
// In this bundle ./transform.ts *is* ./transform-lazy.ts (see ../../startup/vite-plugin.ts): no sucrase here.
import { installCompiler } from './transform-lazy.ts';
import { installGuardFreeHeaders } from './web-shims.ts';

// Taken before any reader code runs, so replacing postMessage later changes nothing here.
const post: (text: string) => void = postMessage.bind(globalThis);

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
  const texts: unknown = event.data;
  if (!Array.isArray(texts)) return;
  removeEventListener('message', onBoot);
  const compiler: unknown = texts[1];
  if (typeof compiler === 'string') {
    try {
      installCompiler(compiler);
    } catch (e) {
      // The relay takes anything but `ready` as a failed start.
      post(writeReply({ type: 'fatal', id: 0, message: `the compiler did not load: ${String(e)}` }));
      return;
    }
  }
  serve({ post, listen: (receive) => addEventListener('message', (e) => receive(e.data)) }, harness);
};
addEventListener('message', onBoot);
