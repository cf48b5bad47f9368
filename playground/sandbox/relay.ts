/**
 * The relay: the only script of the sandbox iframe, on its main thread, where no reader code ever
 * runs. It holds the page's MessagePort, so the reader's code (in a worker) has no way to reach it:
 * a worker can only post to the relay, and the relay passes on only what the page asked for.
 *
 * It starts one worker per load (the page asks: `spawn`), each from the same small bootstrap and the
 * runtime's text the page sent once, so nothing one load's code did (a replaced global, a patched
 * prototype, a timer) survives into the next. A worker's reply must be text, no longer than
 * LIMITS.reply, and answer a call; anything else gets the worker terminated and reported as `broken`
 * (the page then rebuilds the whole frame). Messages: contract.ts (ToRelay, FromRelay).
 *
 * Plain ES5 in a string: the frame's CSP allows exactly this script, by its hash.
 */
import { FIRST_WORKER, LIMITS, writeReply } from './contract.ts';

/** What the runtime sends once it has evaluated (runtime/entry.ts): the relay compares the text. */
export const READY_TEXT = writeReply({ type: 'ready', id: 0 });

/**
 * A worker's first script. The relay's first message holds the runtime's text (and the compiler's,
 * if it has it); the bootstrap evaluates the runtime (the CSP allows eval for the reader's code
 * anyway), then hands the message on to it as a message event (runtime/entry.ts). A small blob is
 * quick to start where a 100 KB one took 20-90 ms in a fresh sandbox process.
 */
export const WORKER_BOOTSTRAP =
  "onmessage=function(e){onmessage=null;var t=e.data;if(!Array.isArray(t)||typeof t[0]!=='string')return;" +
  "(0,eval)(t[0]);dispatchEvent(new MessageEvent('message',{data:t}))}";

export const RELAY_SCRIPT = `(function () {
  var MAX = ${LIMITS.reply}, READY = ${JSON.stringify(READY_TEXT)};
  var boot = URL.createObjectURL(new Blob([${JSON.stringify(WORKER_BOOTSTRAP)}], { type: 'text/javascript' }));
  var port = null, runtime = null, compiler = null, workers = new Map();
  function send(m) { if (port) port.postMessage(m); }
  function stop(id) { var s = workers.get(id); if (!s) return; workers.delete(id); s.w.terminate(); }
  function broken(id, reason, invalid) {
    if (!workers.has(id)) return;
    stop(id);
    send({ kind: 'broken', worker: id, reason: String(reason).slice(0, 500), invalid: invalid });
  }
  function start(s) {
    s.started = true;
    s.compiler = s.wantsCompiler && compiler !== null;
    s.w.postMessage(s.compiler ? [runtime, compiler] : [runtime]);
  }
  function spawn(id, wantsCompiler) {
    if (workers.has(id)) return;
    var s = { w: null, owed: 1, ready: false, started: false, compiler: false, wantsCompiler: wantsCompiler === true };
    try { s.w = new Worker(boot); } catch (e) { send({ kind: 'broken', worker: id, reason: 'the worker did not start: ' + e, invalid: false }); return; }
    workers.set(id, s);
    s.w.onerror = function (ev) { ev.preventDefault(); broken(id, ev.message || 'the worker failed', false); };
    s.w.onmessageerror = function () { broken(id, 'a message that could not be read', true); };
    s.w.onmessage = function (ev) {
      if (workers.get(id) !== s) return;
      var d = ev.data;
      if (typeof d !== 'string') return broken(id, 'a message that is not text', true);
      if (d.length > MAX) return broken(id, 'a message of ' + d.length + ' characters', true);
      if (s.owed < 1) return broken(id, 'a message nobody asked for', true);
      s.owed--;
      if (s.ready) return send({ kind: 'reply', worker: id, text: d });
      if (d !== READY) return broken(id, 'it did not start: ' + d.slice(0, 300), false);
      s.ready = true;
      send({ kind: 'spawned', worker: id, compiler: s.compiler });
    };
    if (runtime !== null) start(s);
  }
  function fromPage(e) {
    var d = e.data;
    if (typeof d === 'string') {
      if (runtime !== null) return;
      runtime = d;
      workers.forEach(function (s) { if (!s.started) start(s); });
      return;
    }
    if (!d || typeof d !== 'object') return;
    if (d.kind === 'compiler') { if (typeof d.text === 'string') compiler = d.text; return; }
    if (typeof d.worker !== 'number') return;
    if (d.kind === 'spawn') spawn(d.worker, d.compiler);
    else if (d.kind === 'end') stop(d.worker);
    else if (d.kind === 'call') {
      var s = workers.get(d.worker);
      if (!s || !s.ready) return send({ kind: 'broken', worker: d.worker, reason: 'no such worker', invalid: false });
      s.owed++;
      s.w.postMessage(d.message);
    }
  }
  spawn(${FIRST_WORKER}, false);
  addEventListener('message', function (e) {
    var d = e.data;
    if (e.source !== parent || !d || typeof d !== 'object') return;
    if (d.type === 'probe') { parent.postMessage({ type: 'alive', nonce: d.nonce }, '*'); return; }
    if (d.type !== 'boot' || port || !e.ports || !e.ports[0]) return;
    port = e.ports[0];
    port.onmessage = fromPage;
  });
  parent.postMessage({ type: 'relay-ready' }, '*');
})();`;
