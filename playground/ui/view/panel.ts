import type { ViewContext } from './context.ts';

/** A part of the view: it draws from the shared context (controller, words, what is being viewed). */
export abstract class Panel {
  protected readonly ctx: ViewContext;

  constructor(ctx: ViewContext) {
    this.ctx = ctx;
  }
}
