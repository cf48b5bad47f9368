/** The example ids, as the build sees them: one folder with a routes.ts under content/examples/. */
import { existsSync, readdirSync } from 'node:fs';

const root = new URL('../../content/examples/', import.meta.url);

export function exampleIds(): string[] {
  return readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(new URL(`${d.name}/routes.ts`, root)))
    .map((d) => d.name);
}
