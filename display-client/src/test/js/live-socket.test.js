import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LiveSocket, liveUrl } from '../../main/resources/webroot/js/live-socket.js';

/** A fake WebSocket class that records every instance and lets the test drive events. */
function fakes() {
  const sockets = [];
  class FakeWebSocket {
    constructor(url) {
      this.url = url;
      this.sent = [];
      this.closed = null;
      sockets.push(this);
    }
    send(text) { this.sent.push(text); }
    close(code, reason) { this.closed = { code, reason }; }
    open() { this.onopen?.({}); }
    message(obj) { this.onmessage?.({ data: JSON.stringify(obj) }); }
    drop(code, reason = '') { this.onclose?.({ code, reason }); }
  }
  const timers = [];
  const setTimeout = (fn, ms) => { timers.push({ fn, ms }); return timers.length; };
  const clearTimeout = (id) => { if (timers[id - 1]) timers[id - 1].cancelled = true; };
  const fire = () => {
    const t = timers.find((x) => !x.cancelled && !x.fired);
    t.fired = true;
    t.fn();
    return t.ms;
  };
  return { sockets, timers, FakeWebSocket, setTimeout, clearTimeout, fire };
}

function make(f, extra = {}) {
  const states = [];
  const messages = [];
  let seq = null;
  const live = new LiveSocket({
    url: (since) => liveUrl('http://hall.test', 'city', { since, lang: 'zh' }),
    since: () => seq,
    WebSocket: f.FakeWebSocket,
    setTimeout: f.setTimeout,
    clearTimeout: f.clearTimeout,
    random: () => 0.5,
    onMessage: (m) => { messages.push(m); if (typeof m.seq === 'number') seq = m.seq; },
    onState: (s) => states.push(s),
    ...extra
  });
  return { live, states, messages };
}

test('the live URL carries since, lang and staff', () => {
  assert.equal(liveUrl('https://h.example/', 'city', {}), 'wss://h.example/api/v1/halls/city/live');
  assert.equal(liveUrl('http://h', 'sub 1', { since: 0, lang: 'en', staff: true }), 'ws://h/api/v1/halls/sub%201/live?since=0&lang=en&staff=1');
});

test('connects, opens and delivers parsed messages', () => {
  const f = fakes();
  const { live, states, messages } = make(f);
  live.start();
  assert.equal(f.sockets[0].url, 'ws://hall.test/api/v1/halls/city/live?lang=zh');
  f.sockets[0].open();
  f.sockets[0].message({ type: 'snapshot', seq: 10 });
  f.sockets[0].onmessage({ data: 'not json' });
  assert.deepEqual(states, ['connecting', 'open']);
  assert.deepEqual(messages, [{ type: 'snapshot', seq: 10 }]);
});

test('after a server restart (1012) it reconnects with backoff and resumes with since', () => {
  const f = fakes();
  const { live, states } = make(f);
  live.start();
  f.sockets[0].open();
  f.sockets[0].message({ type: 'snapshot', seq: 42 });
  f.sockets[0].drop(1012, 'restart');
  assert.equal(live.state, 'reconnecting');
  assert.equal(f.fire(), 250, 'first delay: half of the 500 ms ceiling');
  assert.equal(f.sockets[1].url, 'ws://hall.test/api/v1/halls/city/live?since=42&lang=zh');
  assert.deepEqual(states, ['connecting', 'open', 'reconnecting', 'reconnecting']);
});

test('abnormal closes 1006 and 1013 reconnect, with growing delays until a message arrives', () => {
  const f = fakes();
  const { live } = make(f);
  live.start();
  f.sockets[0].drop(1006);
  assert.equal(f.fire(), 250);
  f.sockets[1].drop(1013);
  assert.equal(f.fire(), 500);
  f.sockets[2].open();
  f.sockets[2].message({ type: 'snapshot', seq: 1 });
  f.sockets[2].drop(1006);
  assert.equal(f.fire(), 250, 'backoff reset after the server spoke');
});

test('a normal close or a protocol refusal does not reconnect', () => {
  for (const code of [1000, 4400, 4401, 4408]) {
    const f = fakes();
    const { live } = make(f);
    live.start();
    f.sockets[0].open();
    f.sockets[0].drop(code);
    assert.equal(live.state, 'closed', `code ${code}`);
    assert.equal(f.timers.length, 0);
    assert.equal(live.lastClose.code, code);
  }
});

test('a constructor that throws counts as a network error', () => {
  const f = fakes();
  let calls = 0;
  class Throwing extends f.FakeWebSocket {
    constructor(url) {
      if (calls++ === 0) throw new Error('offline');
      super(url);
    }
  }
  const { live } = make(f, { WebSocket: Throwing });
  live.start();
  assert.equal(live.state, 'reconnecting');
  f.fire();
  assert.equal(f.sockets.length, 1);
});

test('messages sent while closed are queued and flushed after the auth message', () => {
  const f = fakes();
  const { live } = make(f, { token: () => 'T0K' });
  live.start();
  assert.equal(live.send({ type: 'ping' }), false);
  assert.deepEqual(live.queued(), ['{"type":"ping"}']);
  f.sockets[0].open();
  assert.deepEqual(f.sockets[0].sent, ['{"type":"auth","token":"T0K"}', '{"type":"ping"}']);
  assert.equal(live.send({ type: 'x' }), true);
  assert.deepEqual(live.queued(), []);
  f.sockets[0].drop(1006);
  live.send({ type: 'later' });
  f.fire();
  f.sockets[1].open();
  assert.deepEqual(f.sockets[1].sent, ['{"type":"auth","token":"T0K"}', '{"type":"later"}']);
});

test('resync drops the socket and reconnects at once with since', () => {
  const f = fakes();
  const { live } = make(f);
  live.start();
  f.sockets[0].open();
  f.sockets[0].message({ type: 'snapshot', seq: 7 });
  live.resync();
  assert.deepEqual(f.sockets[0].closed, { code: 1000, reason: 'resync' });
  assert.equal(f.sockets[1].url, 'ws://hall.test/api/v1/halls/city/live?since=7&lang=zh');
  f.sockets[0].drop(1000);
  assert.equal(live.state, 'reconnecting', 'the old socket no longer reports');
});

test('stop closes for good and cancels a pending reconnect', () => {
  const f = fakes();
  const { live } = make(f);
  live.start();
  f.sockets[0].drop(1006);
  live.stop();
  assert.equal(live.state, 'closed');
  assert.equal(f.timers[0].cancelled, true);
});

test('a silent connection is dropped after a ping goes unanswered, then resumed', () => {
  const f = fakes();
  const { live } = make(f, { pingIntervalMs: 30000 });
  live.start();
  const ws = f.sockets[0];
  ws.open();
  ws.message({ type: 'snapshot', seq: 5 });
  assert.equal(f.fire(), 30000);
  assert.deepEqual(ws.sent, ['{"type":"ping"}']);
  ws.message({ type: 'pong', seq: 5 });
  f.fire();
  assert.equal(ws.sent.length, 2, 'answered, so another ping');
  f.fire();
  assert.deepEqual(ws.closed, { code: 4000, reason: 'heartbeat timeout' });
  assert.equal(live.state, 'reconnecting');
  f.fire();
  assert.equal(f.sockets[1].url, 'ws://hall.test/api/v1/halls/city/live?since=5&lang=zh');
});

test('no pings without an interval, and none after stop', () => {
  const f = fakes();
  const { live } = make(f);
  live.start();
  f.sockets[0].open();
  assert.equal(f.timers.length, 0);
  const g = fakes();
  const { live: live2 } = make(g, { pingIntervalMs: 1000 });
  live2.start();
  g.sockets[0].open();
  live2.stop();
  assert.equal(g.timers[0].cancelled, true);
});
