import { test } from 'node:test';
import assert from 'node:assert/strict';
import { VoiceQueue } from '../../main/resources/webroot/js/voice-queue.js';

/** A player whose clips finish only when the test says so, to prove calls never overlap. */
function manualPlayer() {
  const log = [];
  let playing = 0;
  let maxPlaying = 0;
  let finish = null;
  return {
    log,
    get maxPlaying() { return maxPlaying; },
    play(clip) {
      playing++;
      maxPlaying = Math.max(maxPlaying, playing);
      log.push(clip);
      return new Promise((resolve) => { finish = () => { playing--; resolve(); }; });
    },
    say(text) { log.push(`say:${text}`); return Promise.resolve(); },
    finish() { finish(); return new Promise((r) => setImmediate(r)); }
  };
}

test('clips play in order, one at a time, across calls', async () => {
  const player = manualPlayer();
  const waits = [];
  const q = new VoiceQueue({ player, wait: (ms) => { waits.push(ms); return Promise.resolve(); } });
  q.enqueue(['chime', 'qing', 500, 'hao']);
  q.enqueue(['chime', 'dao']);
  assert.deepEqual(q.pendingClips(), ['qing', 'hao', 'chime', 'dao'], 'chime already playing');
  for (let i = 0; i < 4; i++) await player.finish();
  await player.finish();
  await q.idle();
  assert.deepEqual(player.log, ['chime', 'qing', 'hao', 'chime', 'dao']);
  assert.deepEqual(waits, [500]);
  assert.equal(player.maxPlaying, 1);
  assert.deepEqual(q.pendingClips(), []);
  assert.equal(q.size(), 0);
});

test('a failing clip is skipped and the call goes on', async () => {
  const log = [];
  const player = { play: async (c) => { if (c === 'bad') throw new Error('404'); log.push(c); } };
  const q = new VoiceQueue({ player, wait: async () => {} });
  await q.enqueue(['a', 'bad', 'b']);
  assert.deepEqual(log, ['a', 'b']);
  assert.equal(q.errors[0].step, 'bad');
});

test('speech steps go to say()', async () => {
  const player = manualPlayer();
  const q = new VoiceQueue({ player, wait: async () => {} });
  const done = q.enqueue([{ say: '请A零零一号到三号窗口办理' }]);
  await done;
  assert.deepEqual(player.log, ['say:请A零零一号到三号窗口办理']);
});

test('when too many calls wait, the oldest waiting call is dropped', async () => {
  const player = manualPlayer();
  const q = new VoiceQueue({ player, wait: async () => {}, maxJobs: 2 });
  q.enqueue(['one']);
  q.enqueue(['two']);
  q.enqueue(['three']);
  q.enqueue(['four']);
  assert.deepEqual(q.pendingClips(), ['three', 'four']);
  q.clear();
  assert.deepEqual(q.pendingClips(), []);
  await player.finish();
  await q.idle();
  assert.deepEqual(player.log, ['one']);
});

test('the queue starts again after going idle', async () => {
  const log = [];
  const q = new VoiceQueue({ player: { play: async (c) => log.push(c) }, wait: async () => {} });
  await q.enqueue(['a']);
  await q.enqueue(['b']);
  assert.deepEqual(log, ['a', 'b']);
});
