/**
 * What a page that runs its playground at once puts in its <head> (the full playground page through
 * src/starlight/route-data.ts, the embed view directly): the script that starts the sandbox early
 * (early-frame.ts), after a preload of the runtime it fetches, so the browser's preload scanner
 * asks for it ahead of the page's own scripts (the sandbox is the longer road to a first response).
 */
import runtimeUrl from 'virtual:session-lab-runtime';
import { earlyFrameScript } from './early-frame.ts';

export interface HeadTag {
  tag: 'script' | 'link';
  attrs: Record<string, string>;
  content?: string;
}

export function sandboxHead(): HeadTag[] {
  return [
    // `crossorigin`: the same request mode as the script's fetch(), so the preload is the one used.
    { tag: 'link', attrs: { rel: 'preload', href: runtimeUrl, as: 'fetch', crossorigin: 'anonymous', fetchpriority: 'high' } },
    { tag: 'script', attrs: {}, content: earlyFrameScript(runtimeUrl) },
  ];
}
