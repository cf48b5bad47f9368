import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

// The site suite reads dist/. Rebuilding on every run would cost ~15 s; testing a stale build would
// hide regressions. So: build when dist/ is missing or older than any source the site is made from.
const root = new URL('../..', import.meta.url).pathname;
const sources = ['astro.config.mjs', 'package.json', 'src', 'content', 'playground', 'public'];

function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

export default function setup(): void {
  const stamp = join(root, 'dist', 'index.html');
  const sourceTime = Math.max(...sources.map((s) => join(root, s)).filter(existsSync).map(newestMtime));
  if (existsSync(stamp) && statSync(stamp).mtimeMs >= sourceTime) return;
  execFileSync('npx', ['astro', 'build'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
  });
}
