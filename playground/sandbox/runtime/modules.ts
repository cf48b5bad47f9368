/** The only modules the reader's code may import, by the names it imports them with. */
import * as itty from 'itty-router';
import * as sessionLab from './session-lab.ts';

// The page's config is untrusted: each setting is checked by the engine's one definition, and
// Flask's defaults fill whatever the page left out.
export { readSessionConfig } from '../../engine/index.ts';

export const modules = {
  'itty-router': Object.freeze({ ...itty }),
  'session-lab': Object.freeze({ ...sessionLab }),
};
