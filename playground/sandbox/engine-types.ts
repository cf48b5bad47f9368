/** The engine types the sandbox's public API mentions. */
export type { SessionConfig, SessionTrace } from '../engine/index.ts';
