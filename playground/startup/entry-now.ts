/**
 * The playground's entry on pages that run it at once (the full playground, the embed view): the
 * controller, the engine and the view are static imports, so the browser fetches them with this
 * script while the page is parsed instead of after it ran. The sandbox started from the <head>.
 */
import * as controller from '../ui/controller.ts';
import { mountAll } from '../ui/mount.ts';
import * as view from '../ui/view/index.ts';

mountAll(() => Promise.resolve([controller, view]));
