/**
 * The one place that decides what a playground starts with: the example as written, the reader's
 * saved work, or a share link, for whichever page mounts it (full page, lesson, embed). The
 * controller is built from the answer, and the editor, the static code, the routes list, the checks
 * and the sandbox are all drawn from that controller: there is no second source of code to disagree.
 *
 * Deciding writes nothing but migrations of old saves; a link's state is only kept (and the reader's
 * previous work put aside) once the page has drawn it, see `PlaygroundController.commitStart`.
 */
import type { ExampleDef } from './model.ts';
import { decodeShare, loadSaved, migrateLegacy } from './persist.ts';
import type { KeyValueStore, LinkOutcome } from './persist.ts';
import type { Snapshot } from './snapshot.ts';
import type { Lang } from './strings.ts';

export type Mode = 'full' | 'lesson' | 'embed';

export type Notice =
  | { kind: 'saved-corrupt'; reason: string; text: string }
  | { kind: 'storage-unavailable' }
  | { kind: 'storage-trimmed' }
  | { kind: 'link-broken'; reason: string }
  | { kind: 'link-restored' }
  | { kind: 'link-unknown-example'; id: string }
  | { kind: 'legacy-aside'; count: number }
  | { kind: 'aside-restored' };

export interface StartInput {
  examples: ExampleDef[];
  /** The example the page was written for (a lesson's or embed's; the full page's first). */
  initial: string;
  mode: Mode;
  lang: Lang;
  /** `location.search` and `location.hash` of the page. */
  search: string;
  hash: string;
  storage: KeyValueStore | null;
  /** False once another playground on the page took the link, and when the reader picks an example. */
  linkAllowed: boolean;
  /** Full page: the example asked for by the picker, over `?example=`. */
  asked?: string;
  /**
   * Embeds: the hash was written by this embed before a reload (embed-store.ts), so it is the
   * reader's latest work, not the author's starting state.
   */
  hashIsOwn?: boolean;
  /** Embeds: the hash the embed was first loaded with (embed-store.ts), the author's state if any. */
  base?: string;
}

export interface StartState {
  example: ExampleDef;
  lang: Lang;
  source: 'example' | 'saved' | 'link';
  /** The state to apply over the example, when it comes from saved work or a link. */
  snapshot: Snapshot | null;
  notices: Notice[];
  /** This playground took the page's link (applied or reported): the hash must go from the address bar. */
  tookLink: boolean;
  /**
   * What Reset goes back to, when it is not the example as shipped: an author's own state in an
   * embed of their code. Also what such an embed starts with once the reader's work is gone.
   */
  startingPoint: Snapshot | null;
}

export function decideStart(input: StartInput): StartState {
  const { examples, mode, lang, storage } = input;
  const byId = (id: string | null | undefined) => (id ? examples.find((e) => e.id === id) : undefined);
  let example = byId(input.initial) ?? examples[0];
  const notices: Notice[] = [];
  let link: LinkOutcome = input.linkAllowed ? decodeShare(input.hash) : { kind: 'none' };

  if (mode === 'full') {
    example = byId(input.asked) ?? byId(new URLSearchParams(input.search).get('example')) ?? example;
    if (link.kind === 'ok') {
      const linked = byId(link.snapshot.example);
      if (linked) example = linked;
      else {
        notices.push({ kind: 'link-unknown-example', id: link.snapshot.example });
        link = { kind: 'broken', reason: '' };
      }
    }
  } else if (link.kind === 'ok' && link.snapshot.example !== example.id) {
    // A link for another playground on the page, or another page: leave it for that one.
    link = { kind: 'none' };
  }
  const tookLink = link.kind !== 'none';
  const author = mode === 'embed' && input.base ? decodeShare(input.base) : null;
  const startingPoint = author?.kind === 'ok' && author.snapshot.example === example.id ? author.snapshot : null;
  if (link.kind === 'broken' && link.reason) notices.push({ kind: 'link-broken', reason: link.reason });

  const legacy = migrateLegacy(storage, example.id);
  if (legacy > 0) notices.push({ kind: 'legacy-aside', count: legacy });

  if (mode === 'embed' && link.kind === 'ok') {
    // The embed's own address after a reload: the reader's latest work, as saved work is.
    if (input.hashIsOwn) return { example, lang, source: 'saved', snapshot: link.snapshot, notices, tookLink, startingPoint };
    // The author's state: the reader's work on this very embed (own key space) comes first.
    const saved = loadSaved(storage, example.id, lang);
    if (saved.kind === 'ok') return { example, lang, source: 'saved', snapshot: saved.snapshot, notices, tookLink, startingPoint };
    if (saved.kind === 'corrupt') notices.push({ kind: 'saved-corrupt', reason: saved.reason, text: saved.text });
  }
  if (link.kind === 'ok') {
    // An embed's link is the author's code, part of the embed as far as the reader knows: nothing
    // was "restored from a shared link".
    if (mode !== 'embed') notices.push({ kind: 'link-restored' });
    return { example, lang, source: 'link', snapshot: link.snapshot, notices, tookLink, startingPoint };
  }
  const saved = loadSaved(storage, example.id, lang);
  if (saved.kind === 'ok') return { example, lang, source: 'saved', snapshot: saved.snapshot, notices, tookLink, startingPoint };
  if (saved.kind === 'corrupt') notices.push({ kind: 'saved-corrupt', reason: saved.reason, text: saved.text });
  if (saved.kind === 'unavailable') notices.push({ kind: 'storage-unavailable' });
  // An author's embed after Reset and a reload: the author's state is this embed's example.
  return { example, lang, source: 'example', snapshot: startingPoint, notices, tookLink, startingPoint };
}
