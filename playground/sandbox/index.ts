/**
 * Session Lab's sandbox: runs the reader's itty-router code as the simulated server, isolated from the
 * site (opaque-origin iframe + blob: worker, strict CSP, time budget). See host.ts and frame.ts.
 */
export { SandboxHost, SandboxDisposedError } from './host.ts';
export { findEarlyFrame } from './early-frame.ts';
export type { LoadResult, RunResult, RunFailure, SandboxOptions, SandboxConfig, CodeError, RouteInfo, Precompiled } from './host.ts';
export type { SessionConfig, SessionTrace } from './engine-types.ts';
/** The Monaco typings are in './typings.ts' (import that from the editor only: it holds the .d.ts text). */
