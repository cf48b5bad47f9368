/** The URL of the sandbox runtime bundle (a classic script, fetched as text), from ./vite-plugin.ts. */
declare module 'virtual:session-lab-runtime' {
  const url: string;
  export default url;
}
/** The URL of the TypeScript compiler bundle (sucrase), sent into the worker on demand. */
declare module 'virtual:session-lab-compiler' {
  const url: string;
  export default url;
}
