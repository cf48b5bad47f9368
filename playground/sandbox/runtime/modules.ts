/** The only modules the reader's code may import, by the names it imports them with. */
import * as itty from 'itty-router';
import * as sessionLab from './session-lab.ts';

// Flask's defaults for whatever config keys the page left out.
export { defaultConfig } from '../../engine/index.ts';

export const modules = {
  'itty-router': Object.freeze({ ...itty }),
  'session-lab': Object.freeze({ ...sessionLab }),
};
