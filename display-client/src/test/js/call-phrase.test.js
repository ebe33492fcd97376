import { test } from 'node:test';
import assert from 'node:assert/strict';
import { callSteps, callSpeechSteps, callText, settingsFrom } from '../../main/resources/webroot/js/call-phrase.js';

const ONCE = ['qing', 'letter-a', 'digit-0', 'digit-0', 'digit-1', 'hao', 'dao', 'digit-3', 'hao-chuangkou', 'banli'];

test('a call is a chime then the phrase twice with a one-second pause', () => {
  assert.deepEqual(callSteps({ number: 'A001', window: '3' }), ['chime', 300, ...ONCE, 1000, ...ONCE]);
});

test('chime, repeats, pause and 幺 are settings', () => {
  const steps = callSteps({ number: 'A001', window: '3' }, { chime: false, repeats: 1, one: 'yao' });
  assert.deepEqual(steps, ONCE.map((c) => (c === 'digit-1' ? 'digit-yao' : c)));
  const three = callSteps({ number: 'A001', window: 3 }, { repeats: 3, pauseMs: 500, chimeGapMs: 0 });
  assert.deepEqual(three, ['chime', ...ONCE, 500, ...ONCE, 500, ...ONCE]);
});

test('window eleven is read 十一号窗口', () => {
  const steps = callSteps({ number: 'B120', window: '11' }, { chime: false, repeats: 1 });
  assert.deepEqual(steps, ['qing', 'letter-b', 'digit-1', 'digit-2', 'digit-0', 'hao', 'dao', 'shi', 'digit-1', 'hao-chuangkou', 'banli']);
});

test('the speech text spells the number out so a voice reads it digit by digit', () => {
  assert.equal(callText({ number: 'A001', window: '11' }), '请A零零一号到十一号窗口办理');
  assert.deepEqual(callSpeechSteps({ number: 'A001', window: '3' }, { chimeGapMs: 0 }), [
    'chime', { say: '请A零零一号到三号窗口办理' }, 1000, { say: '请A零零一号到三号窗口办理' }
  ]);
});

test('settings are clamped and unknown keys ignored', () => {
  const s = settingsFrom({ repeats: 99, pauseMs: -5, one: 'x', volume: 3 });
  assert.equal(s.repeats, 5);
  assert.equal(s.pauseMs, 0);
  assert.equal(s.one, 'yi');
  assert.equal('volume' in s, false);
});

test('voice settings can be given in the page query', async () => {
  const { settingsFromQuery } = await import('../../main/resources/webroot/js/call-phrase.js');
  const s = settingsFromQuery('?chime=0&repeats=3&pause=800&one=yao&voice=clips');
  assert.deepEqual({ ...s }, { chime: false, repeats: 3, pauseMs: 800, chimeGapMs: 300, one: 'yao', voice: 'clips' });
  assert.equal(settingsFromQuery('').voice, 'auto');
  assert.equal(settingsFromQuery('', { voice: 'off' }).voice, 'off');
  assert.equal(settingsFromQuery('?voice=loud').voice, 'auto');
});
