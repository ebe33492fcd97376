import { test } from 'node:test';
import assert from 'node:assert/strict';
import { enabledActions, actionForKey, finishBody } from '../../main/resources/webroot/js/clerk-actions.js';

test('actions follow the window state', () => {
  assert.deepEqual([...enabledActions('IDLE')].sort(), ['call-next', 'pause', 'resume-parked', 'sign-out']);
  assert.deepEqual([...enabledActions('CALLING')].sort(), ['no-show', 'recall', 'start', 'transfer']);
  assert.deepEqual([...enabledActions('SERVING')].sort(), ['finish', 'park', 'transfer']);
  assert.deepEqual([...enabledActions('PAUSED')].sort(), ['resume', 'sign-out']);
  assert.deepEqual([...enabledActions('UNSTAFFED')], ['sign-in']);
  assert.equal(enabledActions(null).size, 12);
});

test('shortcut keys map to the action allowed now', () => {
  assert.equal(actionForKey('N', 'IDLE'), 'call-next');
  assert.equal(actionForKey('n', 'SERVING'), null);
  assert.equal(actionForKey('p', 'IDLE'), 'pause');
  assert.equal(actionForKey('p', 'PAUSED'), 'resume');
  assert.equal(actionForKey('f', 'SERVING'), 'finish');
  assert.equal(actionForKey('x', 'CALLING'), 'no-show');
  assert.equal(actionForKey('q', 'IDLE'), null);
});

test('the finish body carries what each outcome needs', () => {
  assert.deepEqual(finishBody({ outcome: 'DONE' }), { outcome: 'DONE' });
  assert.deepEqual(finishBody({ outcome: 'PENDING_MATERIALS', missingMaterials: '户口本复印件，照片\n 居住证明', dueDate: '2026-12-04' }),
    { outcome: 'PENDING_MATERIALS', missingMaterials: ['户口本复印件', '照片', '居住证明'], dueDate: '2026-12-04' });
  assert.equal(finishBody({ outcome: 'PENDING_MATERIALS', missingMaterials: '照片' }), null);
  assert.deepEqual(finishBody({ outcome: 'REFERRED', referredTo: ' 交警支队 ' }), { outcome: 'REFERRED', referredTo: '交警支队' });
  assert.equal(finishBody({ outcome: 'NOT_DONE', reason: '' }), null);
  assert.equal(finishBody({ outcome: 'MAYBE' }), null);
});
