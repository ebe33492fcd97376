import { test } from 'node:test';
import assert from 'node:assert/strict';
import { HallStore } from '../../main/resources/webroot/js/hall-store.js';

function fakeSocketFactory() {
  const made = [];
  const factory = (options) => {
    const socket = { options, started: 0, resyncs: 0, start() { this.started++; }, stop() {}, resync() { this.resyncs++; } };
    made.push(socket);
    return socket;
  };
  return { made, factory };
}

test('the store resyncs the socket once when it sees a seq gap, and resumes from the last seq', () => {
  const { made, factory } = fakeSocketFactory();
  const store = new HallStore({ hall: 'city', origin: 'https://h.example', lang: () => 'en', socketFactory: factory }).start();
  const socket = made[0];
  assert.equal(socket.options.url(null), 'wss://h.example/api/v1/halls/city/live?lang=en');
  socket.options.onMessage({ type: 'snapshot', seq: 10, windows: [], matters: [] });
  assert.equal(socket.options.since(), 10);
  socket.options.onMessage({ type: 'ticket.issued', seq: 12, changes: {} });
  socket.options.onMessage({ type: 'ticket.issued', seq: 13, changes: {} });
  assert.equal(socket.resyncs, 1);
  assert.equal(socket.options.url(socket.options.since()), 'wss://h.example/api/v1/halls/city/live?since=10&lang=en');
  socket.options.onMessage({ type: 'snapshot', seq: 20, windows: [], matters: [] });
  assert.equal(store.state.needsResync, false);
});

test('a staff token opens the staff feed and connection changes reach subscribers', () => {
  const { made, factory } = fakeSocketFactory();
  const store = new HallStore({ hall: 'city', origin: 'http://h', token: 'T', socketFactory: factory });
  assert.match(made[0].options.url(null), /staff=1/);
  const seen = [];
  store.subscribe(() => seen.push(store.connection));
  made[0].options.onState('open', {});
  assert.deepEqual(seen, ['connecting', 'open']);
});

test('calls count as fresh once the connection has been open a moment', () => {
  const { factory, made } = fakeSocketFactory();
  let now = Date.parse('2026-11-27T01:00:00Z');
  const store = new HallStore({ hall: 'city', origin: 'http://h', socketFactory: factory, now: () => now });
  const old = { at: '2026-11-27T00:50:00Z' };
  assert.equal(store.isFresh(old), false);
  made[0].options.onState('open', {});
  assert.equal(store.isFresh(old), false, 'replay window');
  now += 5000;
  assert.equal(store.isFresh(old), true);
  assert.equal(made[0].options.pingIntervalMs, 30000);
});
