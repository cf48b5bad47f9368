// `npm run bench`: runs every bench/*.bench.ts in turn (or only those named on the command line,
// e.g. `npm run bench -- engine`). Benchmarks print measurements; they never pass or fail on time.
import { readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const here = new URL('.', import.meta.url).pathname;
const wanted = process.argv.slice(2);
const benches = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => wanted.length === 0 || wanted.some((w) => f.startsWith(w)))
  .sort();

let failed = 0;
for (const file of benches) {
  console.log(`\n### ${file}`);
  const { status } = spawnSync(process.execPath, [here + file], { stdio: 'inherit' });
  if (status !== 0) failed++;
}
if (benches.length === 0) console.log('no benchmarks matched');
process.exit(failed ? 1 : 0);
