// The reducer on the city hall's live feed exactly as the real server sent it (captured and kept
// in the server's shape by LiveFeedFixtureTest in hall-server): a snapshot, a clerk signing in at
// window 03, a ticket issued at the kiosk and called there.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  initialState, reduceHall, selectNowCalling, selectRecentByWindow, isCall
} from '../../main/resources/webroot/js/hall-reducer.js';

const feed = JSON.parse(readFileSync(new URL('./fixtures/live-city.json', import.meta.url), 'utf8'));
const call = feed.events.find((e) => e.type === 'ticket.called');
const replay = () => feed.events.reduce(reduceHall, reduceHall(initialState(), feed.snapshot));

test('the real feed applies in order without a resync', () => {
  const s = replay();
  assert.equal(s.needsResync, false);
  assert.equal(s.seq, feed.events.at(-1).seq);
  assert.equal(s.hallName, feed.snapshot.hallName);
  assert.equal(s.matters.length, feed.snapshot.matters.length);
  assert.equal(s.windows.length, feed.snapshot.windows.length);
});

test('the real call is the last call, and window 03 shows it with its clerk', () => {
  const s = replay();
  assert.equal(isCall(call), true);
  assert.equal(s.lastCall.number, call.number);
  const w = s.windows.find((x) => x.id === '03');
  assert.equal(w.state, 'CALLING');
  assert.equal(w.current.number, call.number);
  assert.equal(w.clerk.staffNo, 'T-clerk1');
  assert.deepEqual(selectNowCalling(s).map((c) => [c.number, c.windowName]), [[call.number, call.windowName]]);
  assert.deepEqual(selectRecentByWindow(s).get('03').map((c) => c.number), [call.number]);
});

test('matter counters follow the real deltas: issued, then called away', () => {
  const issued = feed.events.find((e) => e.type === 'ticket.issued');
  const afterIssue = feed.events.filter((e) => e.seq <= issued.seq)
    .reduce(reduceHall, reduceHall(initialState(), feed.snapshot));
  const matter = (s) => s.matters.find((m) => m.code === call.matter);
  assert.equal(matter(afterIssue).waiting, 1);
  assert.equal(matter(replay()).waiting, 0);
  assert.equal(matter(replay()).name, feed.snapshot.matters.find((m) => m.code === call.matter).name,
    'names kept from the snapshot');
});

test('a screen connecting after the call starts from a snapshot that holds it as history', () => {
  const s = reduceHall(initialState(), feed.snapshotAfter);
  assert.equal(s.seq, call.seq);
  assert.equal(s.recentCalls[0].number, call.number);
  assert.equal(s.lastCall, null, 'snapshot calls are history, not something to speak');
});
