/**
 * The playground's entry on lesson pages. It stays small: the controller, the engine and the view
 * are fetched when a playground scrolls near, so a reader who never gets there never pays for them.
 */
import { mountAll } from '../ui/mount.ts';

mountAll(() => Promise.all([import('../ui/controller.ts'), import('../ui/view/index.ts')]));
