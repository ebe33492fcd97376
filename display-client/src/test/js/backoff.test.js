import { test } from 'node:test';
import assert from 'node:assert/strict';
import { backoffDelay, Backoff } from '../../main/resources/webroot/js/backoff.js';

test('the delay is a random share of an exponentially growing ceiling', () => {
  const top = () => 0.999999;
  assert.equal(backoffDelay(0, { random: top }), 499);
  assert.equal(backoffDelay(1, { random: top }), 999);
  assert.equal(backoffDelay(3, { random: top }), 3999);
  assert.equal(backoffDelay(2, { random: () => 0 }), 0);
  assert.equal(backoffDelay(2, { random: () => 0.5 }), 1000);
});

test('the ceiling is capped near a minute, even for huge attempt counts', () => {
  assert.equal(backoffDelay(20, { random: () => 0.5 }), 30000);
  assert.equal(backoffDelay(5000, { random: () => 0.999999 }), 59999);
});

test('Backoff counts attempts and resets', () => {
  const b = new Backoff({ random: () => 0.5, baseMs: 100 });
  assert.deepEqual([b.next(), b.next(), b.next()], [50, 100, 200]);
  b.reset();
  assert.equal(b.next(), 50);
});
