/**
 * What a page passes to the view: where to draw, the controller to draw, and the page's setting.
 */
import type { PlaygroundController } from '../controller.ts';
import type { Mode } from '../start-state.ts';
import type { Lang } from '../strings.ts';

export type { Mode };

export interface ViewOptions {
  root: HTMLElement;
  controller: PlaygroundController;
  lang: Lang;
  mode: Mode;
  /** For the example picker (full mode). */
  examples?: { id: string; title: string }[];
  onPickExample?: (id: string) => void;
  /** Base URL of the embed page for this example (Embed button). */
  embedUrl?: string;
  /** The static highlighted code already in the page, kept until an editor replaces it. */
  staticCode?: HTMLElement | null;
  /**
   * Full mode opens Monaco by itself once this settles (the first load of the routes): parsing
   * Monaco's 1 MB would otherwise compete with the sandbox start for the first response.
   */
  editorAfter?: Promise<unknown>;
}
