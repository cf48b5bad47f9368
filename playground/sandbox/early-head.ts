/**
 * What a page that runs its playground at once puts in its <head> (the full playground page through
 * src/starlight/route-data.ts, the embed view directly): the script that starts the sandbox early
 * (early-frame.ts).
 */
import runtimeUrl from 'virtual:session-lab-runtime';
import { earlyFrameScript } from './early-frame.ts';

export interface HeadTag {
  tag: 'script';
  attrs: Record<string, string>;
  content: string;
}

export function sandboxHead(): HeadTag[] {
  return [{ tag: 'script', attrs: {}, content: earlyFrameScript(runtimeUrl) }];
}
