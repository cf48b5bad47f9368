/**
 * The playground's state and every action on it, without any DOM: the view calls these methods and
 * re-renders when `subscribe` fires. Unit tests drive it in Node with a fake server.
 *
 * Who owns what: the simulated browsers own their jars and histories (engine), the sandbox owns the
 * running routes, and this class owns everything else (code, settings, clock, which user is selected,
 * what changed last) plus the rule that the reader's work is saved and never silently lost.
 */
import { DEFAULT_ORIGIN, SimulatedBrowser, VirtualClock } from '../engine/cookies/index.ts';
import type { Exchange, JarChange, StoredCookie } from '../engine/cookies/index.ts';
import type { WireRequest, WireResponse } from '../engine/wire.ts';
import { completeOtherSiteRequest, otherSiteRequest, readDocumentCookie, writeDocumentCookie } from '../engine/actors/index.ts';
import type { OtherSiteAttempt, OtherSiteRequestInit, ScriptCookieView } from '../engine/actors/index.ts';
import type { SessionConfig } from '../engine/session-interface.ts';
import { FLASK_DEFAULTS } from './model.ts';
import type { ExampleDef, LoadReply, ServerPort, ServerReply, SessionSettings } from './model.ts';
import { clearSaved, keepAside, parseAside, readAside, readSaved, save, takeAside } from './persist.ts';
import type { AsideEntry, KeyValueStore } from './persist.ts';
import { readSettings, SNAPSHOT_VERSION, trimUsers } from './snapshot.ts';
import type { Snapshot } from './snapshot.ts';
import type { Notice, StartState } from './start-state.ts';
import type { Lang } from './strings.ts';
import { reencodePayload } from './tamper.ts';

export interface RequestDraft {
  method: string;
  path: string;
  body: string;
}

/** One line of a user's timeline: an exchange, or a request the sandbox had to stop. */
export type TimelineEntry =
  | { kind: 'exchange'; seq: number; exchange: Exchange; trace?: unknown; logs: string[]; error?: CodeErrorInfo }
  | { kind: 'failed'; seq: number; request: WireRequest; at: number; error: { kind: string; message: string } };

export interface CodeErrorInfo {
  message: string;
  line?: number;
  column?: number;
  stack?: string;
}

export type LoadState =
  | { status: 'loading' }
  | { status: 'ok'; routes: { method: string; path: string }[] }
  | {
      status: 'error';
      error: { kind: string; message: string; line?: number; column?: number };
      /** Routes of the last version that loaded (still running), if any. */
      routes: { method: string; path: string }[];
      /** The sandbox runs the example's code (or nothing), not a version of the reader's: `error.message` says why. */
      replaced?: true;
    };

export type ChangeTopic = 'code' | 'settings' | 'users' | 'selection' | 'clock' | 'exchange' | 'jar' | 'load' | 'notices' | 'request' | 'all';

export interface ControllerOptions {
  example: ExampleDef;
  /** The page's language: saved work is kept per example and language. */
  lang: Lang;
  server: ServerPort;
  storage?: KeyValueStore | null;
  /** Debounce for re-evaluating code after an edit (ms). 0 = the caller calls `loadCode()` itself. */
  loadDelay?: number;
  saveDelay?: number;
  startTime?: number;
  timers?: { set: (fn: () => void, ms: number) => unknown; clear: (handle: unknown) => void };
}

/** The longest header value the sandbox accepts (its message contract, sandbox/protocol.ts). */
export const MAX_HEADER_CHARS = 64 * 1024;

const defaultTimers = {
  set: (fn: () => void, ms: number) => setTimeout(fn, ms),
  clear: (h: unknown) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

/** A page of the app: whatever the reader typed stays on the app's origin ("//x" is a path here, not a host). */
export function pageUrl(path: string): string {
  const trimmed = path.trim();
  return new URL(DEFAULT_ORIGIN + (trimmed.startsWith('/') ? trimmed : `/${trimmed}`)).href;
}

export function settingsFor(example: ExampleDef): SessionSettings {
  return readSettings(example.config, FLASK_DEFAULTS);
}

export class PlaygroundController {
  example: ExampleDef;
  code: string;
  settings: SessionSettings;
  users: SimulatedBrowser[] = [];
  selectedId = '';
  clock: VirtualClock;
  load: LoadState = { status: 'loading' };
  request: RequestDraft;
  notices: Notice[] = [];
  /** Per user: the timeline (exchanges + stopped requests), newest last. */
  timelines = new Map<string, TimelineEntry[]>();
  /** Per user: what the last action (request, clock, tool) changed in the jar, for highlighting. */
  lastChanges = new Map<string, JarChange[]>();
  /** The clock changes of the last advance, all users together, for one message. */
  lastClockChanges: { user: string; change: JarChange }[] | null = null;

  readonly lang: Lang;
  private readonly server: ServerPort;
  private readonly storage: KeyValueStore | null;
  private readonly timers: NonNullable<ControllerOptions['timers']>;
  private readonly loadDelay: number;
  private readonly saveDelay: number;
  private loadTimer: unknown = null;
  private saveTimer: unknown = null;
  private listeners = new Set<(topic: ChangeTopic) => void>();
  private queue: Promise<unknown> = Promise.resolve();
  private nextUserNumber = 1;

  constructor(opts: ControllerOptions) {
    this.example = opts.example;
    this.lang = opts.lang;
    this.server = opts.server;
    this.storage = opts.storage ?? null;
    this.timers = opts.timers ?? defaultTimers;
    this.loadDelay = opts.loadDelay ?? 400;
    this.saveDelay = opts.saveDelay ?? 300;
    this.code = opts.example.code;
    this.settings = settingsFor(opts.example);
    this.clock = new VirtualClock(opts.startTime ?? Math.floor(Date.now() / 1000));
    this.request = { method: 'GET', path: opts.example.startPath || '/', body: '' };
    this.resetUsers();
  }

  // ---------- subscription ----------

  subscribe(fn: (topic: ChangeTopic) => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  private emit(topic: ChangeTopic): void {
    for (const fn of this.listeners) fn(topic);
  }

  // ---------- start-up: saved work, links, earlier versions ----------

  private pendingLink = false;
  /** Storage problems already told, so a dismissed message does not come back on every save. */
  private readonly said = new Set<string>();

  /** What Reset goes back to when it is not the example as shipped (an author's embed). */
  private startingPoint: Snapshot | null = null;

  /** Applies what `decideStart` chose; writes nothing (see `commitStart`). */
  start(state: StartState): void {
    this.startingPoint = state.startingPoint;
    if (state.snapshot) this.applySnapshot(state.snapshot);
    this.notices.push(...state.notices);
    this.pendingLink = state.source === 'link';
    this.emit('all');
  }

  /**
   * Called once the page has drawn the started state. A link's state is kept only now: one that
   * passes the checks but cannot be drawn never replaces the reader's work. The work it replaces
   * goes to the earlier versions first.
   */
  commitStart(): void {
    if (!this.pendingLink) return;
    this.pendingLink = false;
    const previous = readSaved(this.storage, this.example.id, this.lang);
    if (previous !== null) keepAside(this.storage, this.example.id, this.lang, { at: Date.now(), why: 'link', text: previous });
    this.saveNow();
  }

  /** The versions kept aside (links replaced them, they could not be read, or came from the old format). */
  earlierVersions(): AsideEntry[] {
    return readAside(this.storage, this.example.id, this.lang);
  }

  /**
   * Brings an earlier version back in place, in this visit (no reload that could save over it); the
   * current state goes aside in its turn. False when that version cannot be read.
   */
  restoreEarlier(at: number): boolean {
    const entry = this.earlierVersions().find((e) => e.at === at);
    const checked = entry ? parseAside(entry, this.example.id) : null;
    if (!checked) return false;
    takeAside(this.storage, this.example.id, this.lang, at);
    keepAside(this.storage, this.example.id, this.lang, { at: Date.now(), why: 'replaced', text: JSON.stringify(this.snapshot()) });
    this.applySnapshot(checked);
    this.notices = [{ kind: 'aside-restored' }];
    this.saveNow();
    this.emit('all');
    void this.loadCode();
    return true;
  }

  dismissNotice(index: number): void {
    this.notices.splice(index, 1);
    this.emit('notices');
  }

  snapshot(): Snapshot {
    return {
      v: SNAPSHOT_VERSION,
      example: this.example.id,
      code: this.code === this.example.code ? null : this.code,
      settings: { ...this.settings, SECRET_KEY_FALLBACKS: [...this.settings.SECRET_KEY_FALLBACKS] },
      users: trimUsers(this.users.map((u) => u.toJSON())),
      selected: this.selectedId,
      clock: this.clock.toJSON(),
    };
  }

  applySnapshot(s: Snapshot): void {
    this.code = s.code ?? this.example.code;
    this.settings = readSettings(s.settings);
    this.users = s.users.map((u) => SimulatedBrowser.fromJSON(u));
    this.selectedId = s.selected;
    this.clock = VirtualClock.fromJSON(s.clock);
    this.timelines.clear();
    this.lastChanges.clear();
    for (const u of this.users) {
      this.timelines.set(u.id, u.history.map((exchange) => ({ kind: 'exchange' as const, seq: exchange.seq, exchange, logs: [] })));
    }
    this.nextUserNumber = this.users.length + 1;
  }

  // ---------- code ----------

  /** The reader typed: save soon, re-evaluate soon; the jars are untouched. */
  setCode(code: string): void {
    if (code === this.code) return;
    this.code = code;
    this.scheduleSave();
    if (this.loadDelay > 0) {
      if (this.loadTimer !== null) this.timers.clear(this.loadTimer);
      this.loadTimer = this.timers.set(() => {
        this.loadTimer = null;
        void this.loadCode();
      }, this.loadDelay);
    }
    this.emit('code');
  }

  /** Sends the current code to the sandbox; a failed load keeps the previous routes running. */
  async loadCode(): Promise<LoadReply> {
    const code = this.code;
    const previous = this.load.status === 'ok' ? this.load.routes : this.load.status === 'error' ? this.load.routes : [];
    const reply = await this.enqueue(() => this.server.load(code));
    // A newer edit may have been loaded meanwhile; only the latest code's result counts.
    if (code !== this.code) return reply;
    this.load = reply.ok ? { status: 'ok', routes: reply.routes } : { status: 'error', error: reply.error, routes: previous };
    this.emit('load');
    return reply;
  }

  /** The sandbox stopped the reader's code by itself and runs the example's code, or nothing; the code here stays. */
  serverReplaced(notice: { why: string; message: string; routes: { method: string; path: string }[] }): void {
    this.load = { status: 'error', error: { kind: notice.why === 'timeout' ? 'timeout' : 'crash', message: notice.message }, routes: notice.routes, replaced: true };
    this.emit('load');
  }

  /** The sandbox, for the exercise runner (checks use fresh browsers but the same running code). */
  get port(): ServerPort {
    return this.server;
  }

  get routes(): { method: string; path: string }[] {
    return this.load.status === 'loading' ? [] : this.load.routes;
  }

  // ---------- users ----------

  get selected(): SimulatedBrowser {
    return this.users.find((u) => u.id === this.selectedId) ?? this.users[0];
  }

  user(id: string): SimulatedBrowser | undefined {
    return this.users.find((u) => u.id === id);
  }

  select(id: string): void {
    if (!this.user(id) || id === this.selectedId) return;
    this.selectedId = id;
    this.scheduleSave();
    this.emit('selection');
  }

  addUser(name?: string): SimulatedBrowser | null {
    if (this.users.length >= 8) return null;
    const taken = new Set(this.users.map((u) => u.name));
    let n = this.users.length + 1;
    let finalName = name?.trim().slice(0, 40) || '';
    if (!finalName || taken.has(finalName)) {
      const pool = ['Ana', 'Bruno', 'Carla', 'David', 'Elena', 'Fran', 'Gema', 'Hugo'];
      finalName = pool.find((p) => !taken.has(p)) ?? `User ${n}`;
      while (taken.has(finalName)) finalName = `User ${++n}`;
    }
    const user = new SimulatedBrowser({ id: this.newUserId(), name: finalName });
    this.users.push(user);
    this.timelines.set(user.id, []);
    this.selectedId = user.id;
    this.scheduleSave();
    this.emit('users');
    return user;
  }

  removeUser(id: string): void {
    if (this.users.length <= 1) return;
    const index = this.users.findIndex((u) => u.id === id);
    if (index < 0) return;
    this.users.splice(index, 1);
    this.timelines.delete(id);
    this.lastChanges.delete(id);
    if (this.selectedId === id) this.selectedId = this.users[Math.max(0, index - 1)].id;
    this.scheduleSave();
    this.emit('users');
  }

  private newUserId(): string {
    const ids = new Set(this.users.map((u) => u.id));
    let id = `u${this.nextUserNumber++}`;
    while (ids.has(id)) id = `u${this.nextUserNumber++}`;
    return id;
  }

  private resetUsers(): void {
    this.users = [];
    this.timelines.clear();
    this.lastChanges.clear();
    this.nextUserNumber = 1;
    const names = this.example.users.length > 0 ? this.example.users : ['Ana', 'Bruno'];
    for (const name of names) {
      const user = new SimulatedBrowser({ id: this.newUserId(), name });
      this.users.push(user);
      this.timelines.set(user.id, []);
    }
    this.selectedId = this.users[0].id;
  }

  // ---------- settings ----------

  setSettings(patch: Partial<SessionSettings>): void {
    this.settings = readSettings({ ...this.settings, ...patch }, this.settings);
    this.scheduleSave();
    this.emit('settings');
  }

  /** Key rotation as Flask 3.1 does it: a new key signs, the old one still verifies. */
  rotateKey(newKey: string): void {
    const old = this.settings.SECRET_KEY;
    const fallbacks = [old, ...this.settings.SECRET_KEY_FALLBACKS.filter((k) => k !== old && k !== newKey)].slice(0, 10);
    this.setSettings({ SECRET_KEY: newKey, SECRET_KEY_FALLBACKS: fallbacks });
  }

  /** What the sandbox gets as app.config: the example's own keys, then the reader's settings. */
  serverConfig(): Record<string, unknown> {
    // Flask's defaults are filled once, by the worker (engine/settings.ts reads this untrusted config).
    return { ...this.example.config, ...this.settings, SECRET_KEY_FALLBACKS: [...this.settings.SECRET_KEY_FALLBACKS] };
  }

  // ---------- requests ----------

  setRequest(patch: Partial<RequestDraft>): void {
    this.request = { ...this.request, ...patch };
    this.emit('request');
  }

  /** Sends a request from a user (the selected one by default); requests run one at a time, in order. */
  send(init: Partial<RequestDraft> = {}, userId: string = this.selectedId): Promise<TimelineEntry | null> {
    const draft = { ...this.request, ...init };
    return this.enqueue(async () => {
      const user = this.user(userId);
      if (!user) return null;
      const now = this.clock.now();
      const method = draft.method.toUpperCase();
      const withBody = method !== 'GET' && method !== 'HEAD' && draft.body !== '';
      const req = user.buildRequest({ method, path: draft.path, body: withBody ? draft.body : undefined }, DEFAULT_ORIGIN, now);
      // A header past what the sandbox accepts would fail with a bare "invalid request": say which
      // header, how large, and why (the jar has no per-site limit, and persistent cookies outlive
      // "Close the browser").
      const cookieBytes = req.headers.filter(([n]) => n.toLowerCase() === 'cookie').reduce((sum, [, v]) => sum + v.length, 0);
      if (cookieBytes > MAX_HEADER_CHARS) {
        return this.record(user, req, { ok: false, error: { kind: 'cookie-header-too-large', message: String(Math.ceil(cookieBytes / 1024)) } }, now);
      }
      const reply: ServerReply = await this.server.request(req, { config: this.serverConfig(), now });
      return this.record(user, req, reply, now);
    });
  }

  /**
   * A page on another site (https://evil.example) makes a request to the app in a user's browser: the
   * CSRF actor. The jar decides which cookies go (Chromium's SameSite rules) and the exchange lands in
   * that user's timeline with who made it. An unusable path is answered with an error, nothing sent.
   */
  sendFromOtherSite(init: OtherSiteRequestInit, userId: string = this.selectedId): Promise<{ entry: TimelineEntry; attempt: OtherSiteAttempt } | { error: string } | null> {
    return this.enqueue(async () => {
      const user = this.user(userId);
      if (!user) return null;
      const now = this.clock.now();
      let attempt: OtherSiteAttempt;
      try {
        attempt = otherSiteRequest(user, init, DEFAULT_ORIGIN, now);
      } catch (e) {
        return { error: e instanceof Error ? e.message : String(e) };
      }
      const reply: ServerReply = await this.server.request(attempt.request, { config: this.serverConfig(), now });
      const entry = this.record(user, attempt.request, reply, now, (response) => completeOtherSiteRequest(user, attempt, response, now));
      return { entry, attempt };
    });
  }

  /** What a script on `path` of the app sees in `document.cookie` in a user's browser (the XSS actor). */
  documentCookie(path: string, userId: string = this.selectedId): ScriptCookieView | null {
    const user = this.user(userId);
    if (!user) return null;
    return readDocumentCookie(user.jar, pageUrl(path), this.clock.now());
  }

  /** `document.cookie = text` run by a script on `path`: the jar may refuse (HttpOnly, prefixes…). */
  writeDocumentCookie(path: string, text: string, userId: string = this.selectedId): JarChange | null {
    const user = this.user(userId);
    if (!user) return null;
    const change = writeDocumentCookie(user.jar, pageUrl(path), text, this.clock.now());
    this.afterTool(user.id, [change]);
    return change;
  }

  private record(
    user: SimulatedBrowser,
    req: WireRequest,
    reply: ServerReply,
    now: number,
    receive: (response: WireResponse) => Exchange = (response) => user.receive(req, response, now),
  ): TimelineEntry {
    const timeline = this.timelines.get(user.id) ?? [];
    this.timelines.set(user.id, timeline);
    let entry: TimelineEntry;
    if (reply.ok) {
      const exchange = receive(reply.response);
      entry = { kind: 'exchange', seq: exchange.seq, exchange, trace: reply.trace, logs: reply.logs, error: reply.error };
      this.lastChanges.set(user.id, exchange.changes);
      // Keep the engine's history bounded like the saved one.
      if (user.history.length > 200) user.history.splice(0, user.history.length - 200);
    } else {
      const last = timeline[timeline.length - 1];
      entry = { kind: 'failed', seq: last ? last.seq + 0.5 : 0.5, request: req, at: now, error: reply.error };
      this.lastChanges.set(user.id, []);
    }
    timeline.push(entry);
    if (timeline.length > 200) timeline.splice(0, timeline.length - 200);
    this.lastClockChanges = null;
    this.scheduleSave();
    this.emit('exchange');
    return entry;
  }

  lastEntry(userId: string = this.selectedId): TimelineEntry | undefined {
    const t = this.timelines.get(userId);
    return t?.[t.length - 1];
  }

  // ---------- clock ----------

  /** Moves the virtual clock; every jar drops what expired, and the change is reported per user. */
  advanceClock(seconds: number): { user: string; change: JarChange }[] {
    const now = this.clock.advance(seconds);
    const all: { user: string; change: JarChange }[] = [];
    for (const user of this.users) {
      const changes = user.jar.evictExpired(now);
      this.lastChanges.set(user.id, changes);
      for (const change of changes) all.push({ user: user.name, change });
    }
    this.lastClockChanges = all;
    this.scheduleSave();
    this.emit('clock');
    return all;
  }

  // ---------- cookie tools (DevTools-like, no origin checks) ----------

  cookies(userId: string = this.selectedId): StoredCookie[] {
    return this.user(userId)?.jar.list(this.clock.now()) ?? [];
  }

  /** Replaces a cookie's value by hand; the jar may refuse (too large, bad characters). */
  editCookie(userId: string, cookie: StoredCookie, value: string): JarChange | null {
    const user = this.user(userId);
    if (!user) return null;
    const change = user.jar.set(
      {
        name: cookie.name,
        value,
        domain: cookie.domain,
        path: cookie.path,
        hostOnly: cookie.hostOnly,
        expires: cookie.expires,
        secure: cookie.secure,
        httpOnly: cookie.httpOnly,
        sameSite: cookie.sameSiteDefaulted ? undefined : cookie.sameSite,
      },
      this.clock.now(),
    );
    this.afterTool(user.id, [change]);
    return change;
  }

  /** Writes new session data into the cookie without the key: the old signature stays, and fails. */
  editPayload(userId: string, cookie: StoredCookie, payloadJson: string): JarChange | null {
    return this.editCookie(userId, cookie, reencodePayload(cookie.value, payloadJson));
  }

  /** Session hijacking in one click: the same cookie, in another user's jar. */
  copyCookie(fromId: string, toId: string, cookie: StoredCookie): JarChange | null {
    if (fromId === toId) return null;
    return this.editCookie(toId, cookie, cookie.value);
  }

  deleteCookie(userId: string, cookie: StoredCookie): JarChange[] {
    const user = this.user(userId);
    if (!user) return [];
    const changes = user.jar.remove(cookie.name, cookie.domain, cookie.path);
    this.afterTool(user.id, changes);
    return changes;
  }

  /** "Close the browser": session cookies go, persistent ones stay (RFC 6265bis §5.7). */
  closeBrowser(userId: string = this.selectedId): JarChange[] {
    const user = this.user(userId);
    if (!user) return [];
    const changes = user.jar.endSession();
    this.afterTool(user.id, changes);
    return changes;
  }

  private afterTool(userId: string, changes: JarChange[]): void {
    this.lastChanges.set(userId, changes);
    this.lastClockChanges = null;
    this.scheduleSave();
    this.emit('jar');
  }

  // ---------- reset and solution ----------

  /**
   * Back to the starting point: code, settings, users, clock; the saved state is cleared. That is
   * the example as shipped, or in an embed of an author's own code, the author's state.
   */
  reset(): void {
    if (this.startingPoint) {
      this.applySnapshot(this.startingPoint);
    } else {
      this.code = this.example.code;
      this.settings = settingsFor(this.example);
      this.clock = new VirtualClock(this.clock.now());
      this.resetUsers();
    }
    this.request = { method: 'GET', path: this.example.startPath || '/', body: '' };
    this.lastClockChanges = null;
    clearSaved(this.storage, this.example.id, this.lang);
    this.emit('all');
    void this.loadCode();
  }

  showSolution(): void {
    if (this.example.solution === undefined) return;
    this.code = this.example.solution;
    this.scheduleSave();
    this.emit('code');
    void this.loadCode();
  }

  // ---------- saving ----------

  private scheduleSave(): void {
    if (this.saveTimer !== null) this.timers.clear(this.saveTimer);
    this.saveTimer = this.timers.set(() => {
      this.saveTimer = null;
      this.saveNow();
    }, this.saveDelay);
  }

  saveNow(): void {
    if (this.saveTimer !== null) {
      this.timers.clear(this.saveTimer);
      this.saveTimer = null;
    }
    if (!this.storage || this.pendingLink) return;
    const outcome = save(this.storage, this.snapshot(), this.lang);
    // Each problem is said once; the code itself is what `save` gives up last.
    const notice: Notice | null = outcome === 'failed' ? { kind: 'storage-unavailable' } : outcome === 'trimmed' ? { kind: 'storage-trimmed' } : null;
    if (notice && !this.said.has(notice.kind)) {
      this.said.add(notice.kind);
      this.notices.push(notice);
      this.emit('notices');
    }
  }

  /** Runs sandbox calls one after another, so a load never overtakes a request sent before it. */
  private enqueue<T>(job: () => Promise<T>): Promise<T> {
    const run = this.queue.then(job, job);
    this.queue = run.catch(() => undefined);
    return run;
  }

  dispose(): void {
    if (this.loadTimer !== null) this.timers.clear(this.loadTimer);
    if (this.saveTimer !== null) this.saveNow();
    this.listeners.clear();
  }
}
