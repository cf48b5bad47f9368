/**
 * Starlight route middleware: a page whose frontmatter says `startSandbox: true` (the full
 * playground) starts its sandbox from the <head>: the frame (its process is the slowest step before
 * the first response) and the download of the worker's runtime, both while the body is parsed
 * instead of after the page's scripts ran. Lesson pages start theirs when the playground mounts.
 */
import { defineRouteMiddleware } from '@astrojs/starlight/route-data';
import { sandboxHead } from '../../playground/startup/early-head.ts';

export const onRequest = defineRouteMiddleware((context) => {
  const route = context.locals.starlightRoute;
  if ((route.entry.data as { startSandbox?: boolean }).startSandbox) route.head.push(...sandboxHead());
});
