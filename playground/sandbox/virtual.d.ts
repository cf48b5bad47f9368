/** The URL of the sandbox runtime bundle (a classic script, fetched as text), from ../startup/vite-plugin.ts. */
declare module 'virtual:session-lab-runtime' {
  const url: string;
  export default url;
}
/** The editor's `session-lab` package: .d.ts files generated from the engine (../startup/typings-build.ts). */
declare module 'virtual:session-lab-typings' {
  const files: { path: string; content: string }[];
  export default files;
}
/** The URL of the TypeScript compiler bundle (sucrase), sent into the worker on demand. */
declare module 'virtual:session-lab-compiler' {
  const url: string;
  export default url;
}
