/**
 * Connects a mounted embed to the page that frames it, over the message API of embed-api.ts: posts
 * the embed's height and progress, and carries out the host's commands through the controller, the
 * same actions the reader's clicks take.
 */
import type { PlaygroundController } from './controller.ts';
import { readCommand, wireMessages } from './embed-api.ts';
import type { EmbedEvent, HostCommand } from './embed-api.ts';

/** What the checks panel reports when a run ends (view/checks-panel.ts dispatches it on its element). */
export const CHECKS_EVENT = 'session-lab:checks';
export interface ChecksDetail {
  passed: number;
  total: number;
}

/** A host can queue this many requests at once; more are refused until some have answered. */
const MAX_PENDING_REQUESTS = 16;

export interface BridgeOptions {
  controller: PlaygroundController;
  /** The playground's root element: the checks panel's event bubbles up to it. */
  root: HTMLElement;
  lang: 'es' | 'en';
  /** The frame's own window and its parent (separate for tests; `window` and `parent` in the page). */
  self: Window;
  parent: Window;
  /** What the page does after a command changed the code: the editor must show it. */
  afterCodeChange?: () => void;
}

export function connectEmbed(o: BridgeOptions): () => void {
  const c = o.controller;
  const example = c.example.id;
  const post = (event: EmbedEvent, origin = '*') => {
    // Our events carry no secret of the reader's (see embed-api.ts), so any embedding page may have them.
    for (const m of wireMessages(event)) o.parent.postMessage(m, origin);
  };
  const cleanups: (() => void)[] = [];

  // Height: whenever the document's changes, both ways.
  let lastHeight = -1;
  const postHeight = () => {
    const height = Math.ceil(o.self.document.documentElement.getBoundingClientRect().height);
    if (height === lastHeight) return;
    lastHeight = height;
    post({ type: 'resize', height });
  };
  const sizes = new ResizeObserver(postHeight);
  sizes.observe(o.self.document.body);
  cleanups.push(() => sizes.disconnect());
  postHeight();

  // Ready: once the first version of the routes has answered the sandbox (loaded or not).
  let ready = false;
  const maybeReady = () => {
    if (ready || c.load.status === 'loading') return;
    ready = true;
    post({ type: 'ready', example, lang: o.lang });
  };

  // Responses: each new timeline entry, whoever sent the request (reader, host, any user).
  const seen = new Map<string, number>();
  const markSeen = () => {
    for (const [user, list] of c.timelines) seen.set(user, list[list.length - 1]?.seq ?? -1);
  };
  markSeen();
  const reportResponses = () => {
    for (const [userId, list] of c.timelines) {
      const last = seen.get(userId) ?? -1;
      for (const entry of list) {
        if (entry.seq <= last) continue;
        const user = c.user(userId)?.name ?? userId;
        const request = entry.kind === 'exchange' ? entry.exchange.request : entry.request;
        const url = new URL(request.url);
        const status = entry.kind === 'exchange' ? entry.exchange.response.status : null;
        post({ type: 'response', example, user, method: request.method, path: url.pathname + url.search, status });
      }
    }
    markSeen();
  };
  const unsubscribe = c.subscribe((topic) => {
    if (topic === 'load' || topic === 'all') maybeReady();
    if (topic === 'exchange') reportResponses();
    // A reset or a restored state replaces the timelines: nothing in them is new.
    if (topic === 'all' || topic === 'users') markSeen();
  });
  cleanups.push(unsubscribe);
  maybeReady();

  // Checks: every run's tally, and "completed" the first time all of them pass.
  let completed = false;
  const onChecks = (e: Event) => {
    const d = (e as CustomEvent<ChecksDetail>).detail;
    if (!d || typeof d.passed !== 'number' || typeof d.total !== 'number') return;
    post({ type: 'checks', example, passed: d.passed, total: d.total });
    if (d.total > 0 && d.passed === d.total && !completed) {
      completed = true;
      post({ type: 'completed', example });
    }
  };
  o.root.addEventListener(CHECKS_EVENT, onChecks);
  cleanups.push(() => o.root.removeEventListener(CHECKS_EVENT, onChecks));

  // Commands: only from the page that frames us, never from other frames or windows.
  let pending = 0;
  const run = (command: HostCommand): string | null => {
    switch (command.type) {
      case 'reset':
        c.reset();
        o.afterCodeChange?.();
        return null;
      case 'set-code':
        c.setCode(command.code);
        o.afterCodeChange?.();
        return null;
      case 'request': {
        const user = command.user === undefined ? c.selected : c.users.find((u) => u.name === command.user);
        if (!user) return 'no such user';
        if (pending >= MAX_PENDING_REQUESTS) return 'too many requests waiting';
        pending++;
        void c.send({ method: command.method, path: command.path, body: command.body ?? '' }, user.id).finally(() => pending--);
        return null;
      }
    }
  };
  const onMessage = (e: MessageEvent) => {
    if (e.source !== o.parent || o.parent === o.self) return;
    const read = readCommand(e.data);
    if (read === null) return;
    const problem = read.ok ? run(read.command) : read.reason;
    // The refusal goes back to the sender only, so an author sees why in their console.
    if (problem) post({ type: 'rejected', reason: problem }, e.origin === 'null' ? '*' : e.origin);
  };
  o.self.addEventListener('message', onMessage);
  cleanups.push(() => o.self.removeEventListener('message', onMessage));

  return () => {
    for (const f of cleanups) f();
  };
}
