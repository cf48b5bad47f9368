/**
 * The playground's DOM now lives in ./view/, one module per panel; this name stays for importers.
 */
export { PlaygroundView } from './view/index.ts';
export type { Mode, ViewOptions } from './view/index.ts';
