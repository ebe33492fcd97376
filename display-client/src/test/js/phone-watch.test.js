import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ticketAlerts, isCallFor } from '../../main/resources/webroot/js/phone-watch.js';

const waiting = (ahead) => ({ status: 'WAITING', ahead, window: null });

test('near fires once when three or fewer are ahead', () => {
  assert.deepEqual(ticketAlerts(waiting(8), waiting(4)), []);
  assert.deepEqual(ticketAlerts(waiting(5), waiting(3)), ['near']);
  assert.deepEqual(ticketAlerts(waiting(3), waiting(2)), []);
});

test('the first status seen never alerts', () => {
  assert.deepEqual(ticketAlerts(null, waiting(0)), []);
  assert.deepEqual(ticketAlerts(null, { status: 'CALLED', window: '3' }), []);
});

test('called fires on the call and on a move to another window', () => {
  assert.deepEqual(ticketAlerts(waiting(1), { status: 'CALLED', window: '3' }), ['called']);
  assert.deepEqual(ticketAlerts({ status: 'CALLED', window: '3' }, { status: 'CALLED', window: '3' }), []);
  assert.deepEqual(ticketAlerts({ status: 'CALLED', window: '3' }, { status: 'CALLED', window: '5' }), ['called']);
  assert.deepEqual(ticketAlerts({ status: 'CALLED', window: '3' }, { status: 'SERVING', window: '3' }), []);
});

test('a call on the public feed is matched by ticket id, or by number when there is no id', () => {
  assert.equal(isCallFor({ type: 'ticket.called', ticket: '20261127-A001', number: 'A001' }, '20261127-A001', 'A001'), true);
  assert.equal(isCallFor({ type: 'ticket.recalled', ticket: '20261127-A001' }, '20261127-A001'), true);
  assert.equal(isCallFor({ type: 'ticket.called', ticket: '20261127-A002', number: 'A002' }, '20261127-A001', 'A001'), false);
  assert.equal(isCallFor({ type: 'ticket.called', number: 'A001' }, '20261127-A001', 'A001'), true);
  assert.equal(isCallFor({ type: 'ticket.issued', ticket: '20261127-A001' }, '20261127-A001'), false);
});
