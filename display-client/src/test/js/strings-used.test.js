import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { STRINGS } from '../../main/resources/webroot/js/strings.js';

const webroot = fileURLToPath(new URL('../../main/resources/webroot/', import.meta.url));

function files(dir, ext) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return files(p, ext);
    return p.endsWith(ext) ? [p] : [];
  });
}

test('every literal string key used by the pages exists', () => {
  const used = new Map();
  const note = (key, file) => used.set(key, file);
  for (const file of files(webroot, '.js')) {
    for (const m of readFileSync(file, 'utf8').matchAll(/\bt\(\s*'([a-zA-Z]+\.[a-zA-Z.]+)'/g)) note(m[1], file);
    for (const m of readFileSync(file, 'utf8').matchAll(/label: '([a-zA-Z]+\.[a-zA-Z.]+)'/g)) note(m[1], file);
  }
  for (const file of files(webroot, '.html')) {
    for (const m of readFileSync(file, 'utf8').matchAll(/data-t="([^"]+)"/g)) note(m[1], file);
  }
  assert.ok(used.size > 100, `found only ${used.size} keys`);
  const missing = [...used].filter(([key]) => !(key in STRINGS.zh)).map(([key, file]) => `${key} (${file.slice(webroot.length)})`);
  assert.deepEqual(missing, []);
});

test('pages reference only assets that exist', () => {
  for (const file of files(webroot, '.html')) {
    for (const m of readFileSync(file, 'utf8').matchAll(/(?:src|href)="\/assets\/([^"]+)"/g)) {
      assert.doesNotThrow(() => readFileSync(join(webroot, m[1])), `${file}: /assets/${m[1]}`);
    }
  }
});
