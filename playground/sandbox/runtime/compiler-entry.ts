/** The compiler bundle's entry (see transform-lazy.ts): sucrase behind one function. */
export { transpile } from './transform.ts';
