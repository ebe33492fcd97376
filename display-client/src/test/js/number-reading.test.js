import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  splitTicketNumber, ticketWords, chineseNumberWords, windowWords, ticketClips, windowClips, clipForWord, numberClipNames
} from '../../main/resources/webroot/js/number-reading.js';

test('a ticket number is split into characters read one by one', () => {
  assert.deepEqual(splitTicketNumber('A001'), ['A', '0', '0', '1']);
  assert.deepEqual(splitTicketNumber('b-12'), ['B', '1', '2']);
  assert.deepEqual(splitTicketNumber(''), []);
});

test('ticket digits are read as Chinese digits, 1 as 一 by default and 幺 when set', () => {
  assert.deepEqual(ticketWords('A001'), ['A', '零', '零', '一']);
  assert.deepEqual(ticketWords('A001', { one: 'yao' }), ['A', '零', '零', '幺']);
  assert.deepEqual(ticketWords('C710', { one: 'yao' }), ['C', '七', '幺', '零']);
});

test('window numbers are read as Chinese counting numbers', () => {
  const read = (n) => chineseNumberWords(n).join('');
  assert.equal(read(0), '零');
  assert.equal(read(3), '三');
  assert.equal(read(10), '十');
  assert.equal(read(11), '十一');
  assert.equal(read(19), '十九');
  assert.equal(read(20), '二十');
  assert.equal(read(26), '二十六');
  assert.equal(read(100), '一百');
  assert.equal(read(101), '一百零一');
  assert.equal(read(110), '一百一十');
  assert.equal(read(115), '一百一十五');
  assert.equal(read(1001), '一千零一');
  assert.equal(read(1010), '一千零一十');
  assert.equal(read(1100), '一千一百');
  assert.equal(read(9999), '九千九百九十九');
  assert.equal(read(12345), '一二三四五');
});

test('a negative or fractional window number is refused', () => {
  assert.throws(() => chineseNumberWords(-1), RangeError);
  assert.throws(() => chineseNumberWords(1.5), RangeError);
});

test('window ids that are not numbers are read character by character', () => {
  assert.deepEqual(windowWords('11'), ['十', '一']);
  assert.deepEqual(windowWords('B2'), ['B', '二']);
});

test('words map to clip names', () => {
  assert.deepEqual(ticketClips('A001'), ['letter-a', 'digit-0', 'digit-0', 'digit-1']);
  assert.deepEqual(ticketClips('A001', { one: 'yao' }), ['letter-a', 'digit-0', 'digit-0', 'digit-yao']);
  assert.deepEqual(windowClips(3), ['digit-3']);
  assert.deepEqual(windowClips(11), ['shi', 'digit-1']);
  assert.deepEqual(windowClips(20), ['digit-2', 'shi']);
  assert.deepEqual(windowClips(101), ['digit-1', 'bai', 'digit-0', 'digit-1']);
  assert.throws(() => clipForWord('?'), RangeError);
});

test('the list of number clips covers digits, 幺, units and 26 letters', () => {
  const names = numberClipNames();
  assert.equal(names.length, 10 + 1 + 3 + 26);
  assert.ok(names.includes('digit-yao') && names.includes('qian') && names.includes('letter-z'));
});
