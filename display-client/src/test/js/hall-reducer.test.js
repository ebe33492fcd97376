import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  initialState, reduceHall, selectNowCalling, selectRecentByWindow, MAX_RECENT_CALLS
} from '../../main/resources/webroot/js/hall-reducer.js';

// The messages as the real server sends them: a captured live feed of the city hall, kept in the
// server's shape by LiveFeedFixtureTest (hall-server). Each test sets only the values it is about.
const feed = JSON.parse(readFileSync(new URL('./fixtures/live-city.json', import.meta.url), 'utf8'));
const realCall = feed.events.find((e) => e.type === 'ticket.called');
const realWindow = (id) => structuredClone(feed.snapshot.windows.find((w) => w.id === id));
const passport = feed.snapshot.matters.find((m) => m.code === 'EE-PASSPORT');
const current = (number) => ({ ...realCall.changes.windows[0].current, ticket: `20261127-${number}`, number, matter: 'EE-PASSPORT' });

const window7 = (over = {}) => ({
  ...realWindow('07'), state: 'SERVING', pausedReason: null, clerk: { staffNo: '0123', name: '张*' },
  current: current('A001'), ...over
});

const snapshot = (over = {}) => ({
  ...feed.snapshot, seq: 1234, businessDay: '2026-11-27', at: '2026-11-27T01:02:03Z',
  matters: [{ ...passport, waiting: 12, estimatedWaitSeconds: 900, open: true }],
  windows: [window7()],
  recentCalls: [{ ...feed.snapshotAfter.recentCalls[0], seq: 1200, number: 'A001', matter: 'EE-PASSPORT', window: '07',
    windowName: realWindow('07').name, windowNameEn: realWindow('07').nameEn, at: '2026-11-27T01:00:00Z', recall: false }],
  notice: '今日出入境业务办理至 17:30', ...over
});

const called = (seq, number, window, over = {}) => ({
  ...realCall, seq, at: '2026-11-27T01:05:00Z', ticket: `20261127-${number}`, number, matter: 'EE-PASSPORT',
  window, windowName: realWindow(window).name, windowNameEn: realWindow(window).nameEn, recall: false,
  changes: {
    matters: [{ ...realCall.changes.matters[0], code: 'EE-PASSPORT', waiting: 11, estimatedWaitSeconds: 820, open: true }],
    windows: [window7({ ...realWindow(window), state: 'CALLING', current: current(number) })]
  },
  ...over
});

test('a snapshot fills the state', () => {
  const s = reduceHall(initialState(), snapshot());
  assert.equal(s.seq, 1234);
  assert.equal(s.hallName, '遂宁市公安政务服务中心');
  assert.equal(s.matters.length, 1);
  assert.equal(s.recentCalls[0].number, 'A001');
  assert.equal(s.notice, '今日出入境业务办理至 17:30');
  assert.equal(s.lastCall, null, 'snapshot calls are history, not something to speak');
});

test('a call event replaces matter counters and the window, and becomes the last call', () => {
  const s0 = reduceHall(initialState(), snapshot());
  const s1 = reduceHall(s0, called(1235, 'A002', '07'));
  assert.equal(s1.seq, 1235);
  assert.equal(s1.matters[0].waiting, 11);
  assert.equal(s1.matters[0].name, passport.name, 'names kept from the snapshot');
  assert.equal(s1.windows[0].current.number, 'A002');
  assert.equal(s1.windows[0].state, 'CALLING');
  assert.equal(s1.lastCall.number, 'A002');
  assert.equal(s1.recentCalls[0].number, 'A002');
  assert.equal(s0.windows[0].current.number, 'A001', 'old state untouched');
});

test('a window added by an event is appended', () => {
  const s0 = reduceHall(initialState(), snapshot());
  const s1 = reduceHall(s0, called(1235, 'A002', '08'));
  assert.deepEqual(s1.windows.map((w) => w.id), ['07', '08']);
});

test('a recall is marked as a recall', () => {
  const s0 = reduceHall(initialState(), snapshot());
  const s1 = reduceHall(s0, called(1235, 'A001', '07', { type: 'ticket.recalled', recall: true }));
  assert.equal(s1.lastCall.recall, true);
});

test('window changes replace the whole entry so a cleared ticket clears', () => {
  const s0 = reduceHall(initialState(), snapshot());
  const finished = { type: 'service.finished', seq: 1235, changes: { windows: [window7({ state: 'IDLE', current: undefined })] } };
  const s1 = reduceHall(s0, finished);
  assert.equal(s1.windows[0].current, undefined);
  assert.deepEqual(selectNowCalling(s1), []);
});

test('recent calls stay bounded', () => {
  let s = reduceHall(initialState(), snapshot());
  for (let i = 1; i <= 80; i++) s = reduceHall(s, called(1234 + i, `A${String(i).padStart(3, '0')}`, '07'));
  assert.equal(s.recentCalls.length, MAX_RECENT_CALLS);
  assert.equal(s.recentCalls[0].number, 'A080');
});

test('a seq gap marks the state for resync and is not applied', () => {
  const s0 = reduceHall(initialState(), snapshot());
  const s1 = reduceHall(s0, called(1237, 'A002', '07'));
  assert.equal(s1.needsResync, true);
  assert.equal(s1.seq, 1234);
  assert.equal(s1.windows[0].current.number, 'A001');
  const s2 = reduceHall(s1, called(1238, 'A003', '07'));
  assert.equal(s2.seq, 1234, 'nothing applies until a snapshot or replay arrives');
});

test('after a gap, the replayed next event applies and clears the resync flag', () => {
  const s0 = reduceHall(initialState(), snapshot());
  const gap = reduceHall(s0, called(1237, 'A004', '07'));
  assert.equal(gap.needsResync, true);
  assert.equal(reduceHall(gap, called(1238, 'A005', '07')), gap, 'still waiting for the replay');
  const replayed = reduceHall(gap, called(1235, 'A002', '07'));
  assert.equal(replayed.needsResync, false);
  assert.equal(replayed.seq, 1235);
  assert.equal(replayed.lastCall.number, 'A002');
});

test('a duplicate event is ignored', () => {
  const s0 = reduceHall(initialState(), snapshot());
  const s1 = reduceHall(s0, called(1235, 'A002', '07'));
  assert.equal(reduceHall(s1, called(1235, 'A002', '07')), s1);
  assert.equal(reduceHall(s1, called(1100, 'A000', '07')), s1);
});

test('an event before any snapshot asks for a resync', () => {
  assert.equal(reduceHall(initialState(), called(5, 'A001', '07')).needsResync, true);
});

test('a new snapshot drops the stale now-calling and clears resync', () => {
  const s0 = reduceHall(initialState(), snapshot());
  const s1 = reduceHall(reduceHall(s0, called(1235, 'A002', '07')), called(1240, 'A009', '07'));
  assert.equal(s1.needsResync, true);
  const idle = snapshot({ seq: 1300, windows: [window7({ state: 'IDLE', current: null })], recentCalls: [] });
  const s2 = reduceHall(s1, idle);
  assert.equal(s2.needsResync, false);
  assert.equal(s2.lastCall, null);
  assert.deepEqual(s2.recentCalls, []);
  assert.deepEqual(selectNowCalling(s2), []);
});

test('now calling lists calling or serving windows, newest call first', () => {
  const w8 = window7({ ...realWindow('08'), current: { ...current('B010'), matter: 'HH-ID-RENEW' }, state: 'CALLING' });
  const w9 = window7({ ...realWindow('09'), state: 'PAUSED' });
  let s = reduceHall(initialState(), snapshot({ windows: [window7(), w8, w9] }));
  s = reduceHall(s, { ...called(1235, 'B010', '08'), changes: { windows: [w8] } });
  const now = selectNowCalling(s);
  assert.deepEqual(now.map((c) => c.number), ['B010', 'A001']);
  assert.equal(now[0].windowName, '出入境8号窗口');
});

test('recent calls are grouped by window', () => {
  let s = reduceHall(initialState(), snapshot());
  s = reduceHall(s, called(1235, 'A002', '07'));
  s = reduceHall(s, called(1236, 'B001', '08'));
  s = reduceHall(s, called(1237, 'A003', '07'));
  s = reduceHall(s, called(1238, 'A003', '07', { type: 'ticket.recalled', recall: true }));
  const groups = selectRecentByWindow(s, 2);
  assert.deepEqual(groups.get('07').map((c) => c.number), ['A003', 'A002']);
  assert.deepEqual(groups.get('08').map((c) => c.number), ['B001']);
});

test('notice changes and a new business day', () => {
  let s = reduceHall(initialState(), snapshot());
  s = reduceHall(s, { type: 'notice.changed', seq: 1235, notice: '系统维护', changes: {} });
  assert.equal(s.notice, '系统维护');
  s = reduceHall(s, { type: 'day.started', seq: 1236, businessDay: '2026-11-28' });
  assert.equal(s.businessDay, '2026-11-28');
  assert.deepEqual(s.recentCalls, []);
});

test('staff alerts and device status are kept, numbered or not', () => {
  let s = reduceHall(initialState(), snapshot());
  s = reduceHall(s, { type: 'alert', code: 'LONG_WAIT', message: '等候超时' });
  assert.equal(s.seq, 1234);
  s = reduceHall(s, { type: 'device.status', seq: 1235, deviceId: 'kiosk-1', device: 'printer', status: 'PAPER_OUT' });
  assert.equal(s.seq, 1235);
  assert.equal(s.alerts.length, 1);
  assert.equal(s.devices['kiosk-1'].status, 'PAPER_OUT');
});

test('garbage is ignored', () => {
  const s0 = reduceHall(initialState(), snapshot());
  assert.equal(reduceHall(s0, null), s0);
  assert.equal(reduceHall(s0, { seq: 1235 }), s0);
  assert.equal(reduceHall(s0, { type: 'ticket.issued' }), s0);
});

test('replayed old calls are not spoken, live ones always are', async () => {
  const { isFreshCall } = await import('../../main/resources/webroot/js/hall-reducer.js');
  const now = Date.parse('2026-11-27T01:05:00Z');
  const old = { at: '2026-11-27T01:03:00Z' };
  assert.equal(isFreshCall(old, { now, connectedSince: now - 500 }), false, 'replay burst');
  assert.equal(isFreshCall({ at: '2026-11-27T01:04:30Z' }, { now, connectedSince: now - 500 }), true);
  assert.equal(isFreshCall(old, { now, connectedSince: now - 10000 }), true, 'live, even with a skewed clock');
  assert.equal(isFreshCall({ at: '2026-11-27T01:05:40Z' }, { now, connectedSince: null }), true, 'a clock slightly behind');
  assert.equal(isFreshCall({}, { now }), true);
});

test('now calling carries the window marks', () => {
  const s = reduceHall(initialState(), snapshot({ windows: [window7({ greenChannel: true })] }));
  assert.equal(selectNowCalling(s)[0].greenChannel, true);
  assert.equal(selectNowCalling(s)[0].crossRegion, false);
});
