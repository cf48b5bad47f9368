/**
 * What every panel of the view shares: the controller it reads and acts on, the page's words, and
 * which exchange each user is looking at (the timeline picks it, the response shows it).
 */
import type { PlaygroundController, TimelineEntry } from '../controller.ts';
import type { Lang, Translate } from '../strings.ts';

export interface ViewContext {
  readonly c: PlaygroundController;
  readonly t: Translate;
  readonly lang: Lang;
  /** Per user: the timeline entry shown in the response view (default: the newest). */
  readonly viewing: Map<string, number>;
}

export function currentEntry(ctx: ViewContext): TimelineEntry | undefined {
  const user = ctx.c.selectedId;
  const list = ctx.c.timelines.get(user) ?? [];
  const seq = ctx.viewing.get(user);
  return seq === undefined ? list[list.length - 1] : list.find((e) => e.seq === seq) ?? list[list.length - 1];
}
