// A hall live-feed WebSocket that survives server restarts: resumes with ?since=SEQ,
// reconnects only after abnormal closes, and queues outgoing messages while closed.
// WebSocket and timers are injectable so the behaviour is tested in Node.

import { Backoff } from './backoff.js';

/** Close codes after which reconnecting makes sense: abnormal, service restart, try again later. */
export const RECONNECT_CODES = Object.freeze([1006, 1012, 1013]);
export const STATES = Object.freeze(['connecting', 'open', 'closed', 'reconnecting']);
const MAX_QUEUED = 100;

/** Builds the live URL for a hall; `origin` is like "https://hall.example" or "ws://host:8080". */
export function liveUrl(origin, hall, { since, lang, staff } = {}) {
  const base = String(origin).replace(/^http/, 'ws').replace(/\/$/, '');
  const params = new URLSearchParams();
  if (since !== undefined && since !== null) params.set('since', String(since));
  if (lang) params.set('lang', lang);
  if (staff) params.set('staff', '1');
  const query = params.toString();
  return `${base}/api/v1/halls/${encodeURIComponent(hall)}/live${query ? `?${query}` : ''}`;
}

export class LiveSocket {
  /**
   * @param {object} o
   * @param {(since) => string} o.url builds the URL; gets the last applied seq or null
   * @param {() => (number|null)} [o.since] the last seq the page applied
   * @param {string|(() => string)} [o.token] staff token, sent as the first message
   * @param {(msg) => void} [o.onMessage]
   * @param {(state, detail) => void} [o.onState]
   * @param {number} [o.pingIntervalMs] send {"type":"ping"} this often and treat a connection that
   *   stays silent for a whole interval after a ping as dead (0: off)
   */
  constructor(o) {
    this.urlFor = o.url;
    this.since = o.since ?? (() => null);
    this.token = o.token ?? null;
    this.onMessage = o.onMessage ?? (() => {});
    this.onState = o.onState ?? (() => {});
    this.WebSocket = o.WebSocket ?? globalThis.WebSocket;
    this.setTimeout = o.setTimeout ?? globalThis.setTimeout.bind(globalThis);
    this.clearTimeout = o.clearTimeout ?? globalThis.clearTimeout.bind(globalThis);
    this.backoff = new Backoff({ random: o.random, baseMs: o.baseMs, capMs: o.capMs });
    this.state = 'closed';
    this.queue = [];
    this.ws = null;
    this.timer = null;
    this.stopped = true;
    this.lastClose = null;
    this.pingIntervalMs = o.pingIntervalMs ?? 0;
    this.pingTimer = null;
    this.heard = false;
  }

  start() {
    this.stopped = false;
    this.open('connecting');
    return this;
  }

  /** Closes for good: no reconnect. */
  stop(code = 1000, reason = 'client closing') {
    this.stopped = true;
    this.cancelTimer();
    const ws = this.detach();
    if (ws) safeClose(ws, code, reason);
    this.setState('closed', { code, reason });
  }

  /** Drops the current connection and resumes at once, e.g. after a seq gap. */
  resync() {
    if (this.stopped) return;
    this.cancelTimer();
    const ws = this.detach();
    if (ws) safeClose(ws, 1000, 'resync');
    this.open('reconnecting');
  }

  send(msg) {
    const text = typeof msg === 'string' ? msg : JSON.stringify(msg);
    if (this.state === 'open' && this.ws) {
      this.ws.send(text);
      return true;
    }
    this.queue.push(text);
    if (this.queue.length > MAX_QUEUED) this.queue.shift();
    return false;
  }

  queued() {
    return this.queue.slice();
  }

  open(state) {
    this.setState(state);
    let ws;
    try {
      ws = new this.WebSocket(this.urlFor(this.since()));
    } catch (e) {
      this.scheduleReconnect({ code: 1006, reason: String(e?.message ?? e) });
      return;
    }
    this.ws = ws;
    ws.onopen = () => this.handleOpen(ws);
    ws.onmessage = (ev) => this.handleMessage(ws, ev);
    ws.onerror = () => {}; // a close event always follows; decide there
    ws.onclose = (ev) => this.handleClose(ws, ev);
  }

  handleOpen(ws) {
    if (ws !== this.ws) return;
    const token = typeof this.token === 'function' ? this.token() : this.token;
    if (token) ws.send(JSON.stringify({ type: 'auth', token }));
    this.setState('open');
    this.heard = true;
    this.schedulePing();
    const pending = this.queue;
    this.queue = [];
    for (const text of pending) ws.send(text);
  }

  handleMessage(ws, ev) {
    if (ws !== this.ws) return;
    this.heard = true;
    let msg;
    try {
      msg = JSON.parse(ev.data);
    } catch {
      return;
    }
    // A message proves the server accepted us; only then forget earlier failures.
    this.backoff.reset();
    this.onMessage(msg);
  }

  handleClose(ws, ev) {
    if (ws !== this.ws) return;
    this.detach();
    const detail = { code: ev?.code ?? 1006, reason: ev?.reason ?? '' };
    this.lastClose = detail;
    if (!this.stopped && RECONNECT_CODES.includes(detail.code)) this.scheduleReconnect(detail);
    else {
      this.stopped = true;
      this.setState('closed', detail);
    }
  }

  scheduleReconnect(detail) {
    this.lastClose = detail;
    const delay = this.backoff.next();
    this.setState('reconnecting', { ...detail, delay });
    this.timer = this.setTimeout(() => {
      this.timer = null;
      if (!this.stopped) this.open('reconnecting');
    }, delay);
  }

  cancelTimer() {
    if (this.timer !== null) this.clearTimeout(this.timer);
    this.timer = null;
  }

  /**
   * A half-open TCP connection (a dead switch, a NAT that forgot us) never fires close; a hall
   * screen would freeze on stale numbers. Ping, and give up on a socket that stays silent.
   */
  schedulePing() {
    if (!this.pingIntervalMs) return;
    this.pingTimer = this.setTimeout(() => {
      this.pingTimer = null;
      const ws = this.ws;
      if (!ws || this.state !== 'open') return;
      if (!this.heard) {
        this.detach();
        safeClose(ws, 4000, 'heartbeat timeout');
        this.scheduleReconnect({ code: 1006, reason: 'heartbeat timeout' });
        return;
      }
      this.heard = false;
      ws.send(JSON.stringify({ type: 'ping' }));
      this.schedulePing();
    }, this.pingIntervalMs);
  }

  detach() {
    if (this.pingTimer !== null) this.clearTimeout(this.pingTimer);
    this.pingTimer = null;
    const ws = this.ws;
    this.ws = null;
    if (ws) ws.onopen = ws.onmessage = ws.onerror = ws.onclose = null;
    return ws;
  }

  setState(state, detail = {}) {
    this.state = state;
    this.onState(state, detail);
  }
}

function safeClose(ws, code, reason) {
  try {
    ws.close(code, reason);
  } catch {
    // already closing
  }
}
