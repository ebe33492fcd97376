import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ticketIdFor, windowsServing, longestWaits, windowStateCounts } from '../../main/resources/webroot/js/hall-queries.js';

test('a ticket id is the business day and the number', () => {
  assert.equal(ticketIdFor('2026-11-27', 'a001'), '20261127-A001');
  assert.equal(ticketIdFor('2026-11-27', ' B12 '), '20261127-B12');
  assert.equal(ticketIdFor(null, 'A001'), null);
  assert.equal(ticketIdFor('2026-11-27', 'A 001/'), null);
});

test('windows serving a matter, open ones first', () => {
  const windows = [
    { id: '1', state: 'CLOSED', matters: ['P'] },
    { id: '2', state: 'IDLE', matters: ['P', 'Q'] },
    { id: '3', state: 'SERVING', matters: ['Q'] },
    { id: '4', state: 'PAUSED', matters: ['P'] }
  ];
  assert.deepEqual(windowsServing(windows, 'P').map((w) => w.id), ['2', '4', '1']);
  assert.deepEqual(windowsServing(windows, 'Z'), []);
});

test('longest waits first, closed matters last', () => {
  const list = longestWaits([
    { code: 'a', estimatedWaitSeconds: 100, waiting: 1 },
    { code: 'b', estimatedWaitSeconds: 900, waiting: 5, open: false },
    { code: 'c', estimatedWaitSeconds: 600, waiting: 2 },
    { code: 'd', estimatedWaitSeconds: 600, waiting: 7 }
  ]);
  assert.deepEqual(list.map((m) => m.code), ['d', 'c', 'a', 'b']);
});

test('window states are counted', () => {
  assert.deepEqual(windowStateCounts([{ state: 'IDLE' }, { state: 'IDLE' }, { state: 'PAUSED' }]), { IDLE: 2, PAUSED: 1 });
});
