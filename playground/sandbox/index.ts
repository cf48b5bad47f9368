/**
 * Session Lab's sandbox: runs the reader's itty-router code as the simulated server, isolated from the
 * site (opaque-origin iframe + blob: workers, strict CSP, time budget). See host.ts and frame.ts; what
 * crosses between page and sandbox is in contract.ts.
 */
export { SandboxHost, SandboxDisposedError } from './host.ts';
export type { SandboxOptions } from './host.ts';
export { findEarlyFrame } from './adopt.ts';
export type { SandboxLang } from './messages.ts';
export type {
  CodeError,
  LoadResult,
  Precompiled,
  RestartNotice,
  RouteError,
  RouteInfo,
  RunFailure,
  RunResult,
  SandboxConfig,
  SessionConfig,
  SessionTrace,
  Source,
} from './contract.ts';
/** The Monaco typings are in './typings.ts' (import that from the editor only: it holds the .d.ts text). */
