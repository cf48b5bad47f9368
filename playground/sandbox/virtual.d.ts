/** The sandbox runtime bundle as text, provided by ./vite-plugin.ts. */
declare module 'virtual:session-lab-runtime' {
  const code: string;
  export default code;
}
/** The TypeScript compiler bundle as text (sucrase), sent into the worker on demand. */
declare module 'virtual:session-lab-compiler' {
  const code: string;
  export default code;
}
