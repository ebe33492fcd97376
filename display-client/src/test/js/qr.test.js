import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  encodeQr, reedSolomon, formatBits, versionBits, chooseVersion, dataCodewords, penalty
} from '../../main/resources/webroot/js/qr.js';

const golden = JSON.parse(readFileSync(new URL('./fixtures/qr-golden.json', import.meta.url), 'utf8'));

test('Reed-Solomon matches the published 1-M example', () => {
  const data = [32, 91, 11, 120, 209, 114, 220, 77, 67, 64, 236, 17, 236, 17, 236, 17];
  assert.deepEqual(reedSolomon(data, 10), [196, 35, 39, 119, 235, 215, 231, 226, 93, 23]);
});

test('format bits for level M match the standard table', () => {
  const table = ['101010000010010', '101000100100101', '101111001111100', '101101101001011',
    '100010111111001', '100000011001110', '100111110010111', '100101010100000'];
  table.forEach((bits, mask) => assert.equal(formatBits(mask).toString(2).padStart(15, '0'), bits, `mask ${mask}`));
});

test('version bits match the standard table', () => {
  assert.equal(versionBits(7), 0x07c94);
  assert.equal(versionBits(8), 0x085bc);
  assert.equal(versionBits(9), 0x09a99);
  assert.equal(versionBits(10), 0x0a4d3);
});

test('the smallest version that fits is chosen, up to version 10', () => {
  assert.equal(chooseVersion(14), 1);
  assert.equal(chooseVersion(15), 2);
  assert.equal(chooseVersion(213), 10);
  assert.throws(() => chooseVersion(214), RangeError);
});

test('data codewords carry mode, count, bytes and alternating pad bytes', () => {
  const words = dataCodewords([0x41, 0x30, 0x30, 0x31], 1);
  assert.equal(words.length, 16);
  assert.deepEqual(words.slice(0, 6), [0x40, 0x44, 0x13, 0x03, 0x03, 0x10]);
  assert.deepEqual(words.slice(6, 10), [0xec, 0x11, 0xec, 0x11]);
});

test('matrices match golden ones that a real decoder read', () => {
  for (const c of golden.cases) {
    const qr = encodeQr(c.text);
    assert.equal(qr.version, c.version, c.text);
    assert.equal(qr.mask, c.mask, c.text);
    assert.deepEqual(qr.modules.map((r) => r.map((d) => (d ? '1' : '0')).join('')), c.rows, c.text);
  }
});

test('finder patterns, timing and the dark module are in place', () => {
  const { modules: m, size } = encodeQr('https://hall.example/t/city/20261127-A001');
  const finderRow = (r, c) => m[r].slice(c, c + 7).map(Number).join('');
  assert.equal(finderRow(0, 0), '1111111');
  assert.equal(finderRow(2, 0), '1011101');
  assert.equal(finderRow(6, size - 7), '1111111');
  assert.equal(m[6].slice(8, size - 8).map(Number).join(''), '10'.repeat((size - 16) / 2) + '1');
  assert.equal(m[size - 8][8], true);
});

test('the penalty is lower for a mixed matrix than for a solid one', () => {
  const solid = Array.from({ length: 21 }, () => new Array(21).fill(true));
  const checker = Array.from({ length: 21 }, (_, r) => Array.from({ length: 21 }, (_, c) => (r + c) % 2 === 0));
  assert.ok(penalty(checker) < penalty(solid));
});

function zbarAvailable() {
  try {
    execFileSync('zbarimg', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

test('zbarimg decodes every version and mask (when zbar-tools is installed)', { skip: !zbarAvailable() && 'zbarimg not installed' }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'sx-qr-'));
  const base = 'https://sx.example/t/city/20261127-A001?x=';
  for (const length of [10, 20, 40, 60, 80, 100, 120, 150, 180, 210]) {
    const text = (base + 'abcdefghij0123456789'.repeat(12)).slice(0, length);
    for (let mask = 0; mask < 8; mask++) {
      const { modules, size } = encodeQr(text, { mask });
      const scale = 3;
      const side = (size + 8) * scale;
      const rows = [];
      for (let y = 0; y < side; y++) {
        const r = Math.floor(y / scale) - 4;
        const row = [];
        for (let x = 0; x < side; x++) {
          const c = Math.floor(x / scale) - 4;
          row.push(r >= 0 && c >= 0 && r < size && c < size && modules[r][c] ? 1 : 0);
        }
        rows.push(row.join(' '));
      }
      const file = join(dir, 'qr.pbm');
      writeFileSync(file, `P1\n${side} ${side}\n${rows.join('\n')}\n`);
      const decoded = execFileSync('zbarimg', ['-q', '--raw', file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
      assert.equal(decoded.trim(), text, `length ${length} mask ${mask}`);
    }
  }
});
