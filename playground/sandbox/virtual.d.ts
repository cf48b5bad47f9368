/** The sandbox runtime bundle as text, provided by ./vite-plugin.ts. */
declare module 'virtual:session-lab-runtime' {
  const code: string;
  export default code;
}
