// Wires a live socket to the hall reducer: pages subscribe to state changes. On a seq gap the
// store asks the socket to resync with ?since, as docs/live-protocol.md requires.

import { initialState, reduceHall, isFreshCall } from './hall-reducer.js';
import { LiveSocket, liveUrl } from './live-socket.js';

export class HallStore {
  /**
   * @param {object} o
   * @param {string} o.hall
   * @param {string} [o.origin] defaults to the page origin
   * @param {() => string} [o.lang]
   * @param {string|(() => string)} [o.token] staff token: opens the staff feed
   * @param {(o) => LiveSocket} [o.socketFactory] for tests
   */
  constructor(o) {
    this.state = initialState();
    this.connection = 'connecting';
    this.closeDetail = null;
    this.listeners = new Set();
    this.messageListeners = new Set();
    this.now = o.now ?? (() => Date.now());
    // When the current connection opened; replayed events arrive right after it.
    this.connectedSince = null;
    const origin = o.origin ?? globalThis.location?.origin ?? '';
    const staff = Boolean(o.token);
    const options = {
      url: (since) => liveUrl(origin, o.hall, { since, lang: o.lang?.(), staff }),
      since: () => this.state.seq,
      token: o.token,
      onMessage: (msg) => this.apply(msg),
      pingIntervalMs: o.pingIntervalMs ?? 30000,
      onState: (state, detail) => {
        this.connectedSince = state === 'open' ? this.now() : null;
        this.connection = state;
        this.closeDetail = detail;
        this.emit(this.state);
      }
    };
    this.socket = o.socketFactory ? o.socketFactory(options) : new LiveSocket(options);
  }

  start() {
    this.socket.start();
    return this;
  }

  stop() {
    this.socket.stop();
  }

  apply(msg) {
    const prev = this.state;
    const next = reduceHall(prev, msg);
    this.state = next;
    for (const fn of this.messageListeners) fn(msg, next, prev);
    if (next.needsResync && !prev.needsResync) this.socket.resync();
    if (next !== prev) this.emit(next, prev);
  }

  /** Whether a call just applied should be spoken (not a replay of an old one). */
  isFresh(call) {
    return isFreshCall(call, { now: this.now(), connectedSince: this.connectedSince });
  }

  /** fn(state, prev) on every change, including connection changes (prev undefined then). */
  subscribe(fn) {
    this.listeners.add(fn);
    fn(this.state);
    return () => this.listeners.delete(fn);
  }

  onMessage(fn) {
    this.messageListeners.add(fn);
    return () => this.messageListeners.delete(fn);
  }

  emit(state, prev) {
    for (const fn of this.listeners) fn(state, prev);
  }
}
