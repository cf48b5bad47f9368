/**
 * TypeScript → JavaScript for the reader's routes: sucrase's typescript + imports transforms, which
 * keep line numbers. One function, used in three places with the same options, so their output is
 * the same byte for byte: the worker (after an edit), Node tests, and the build, which compiles
 * each example's starting code ahead of time so a first visit needs no compiler at all.
 */
import { transform } from 'sucrase';

export interface Transpiled {
  js: string;
  /** The source map's "mappings" (enough to map stack traces back to the reader's lines). */
  mappings: string;
}

/** Throws sucrase's error (with `loc`) on a syntax error. */
export function transpile(code: string): Transpiled {
  const out = transform(code, {
    transforms: ['typescript', 'imports'],
    // An unused import must still be checked against the allowed list, as a bundler would.
    keepUnusedImports: true,
    filePath: 'routes.ts',
    sourceMapOptions: { compiledFilename: 'routes.js' },
  });
  return { js: out.code, mappings: out.sourceMap?.mappings ?? '' };
}
