import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, existsSync } from 'node:fs';
import { numberClipNames } from '../../main/resources/webroot/js/number-reading.js';
import { PHRASE_CLIPS } from '../../main/resources/webroot/js/call-phrase.js';

const dir = new URL('../../main/resources/webroot/voice/zh/', import.meta.url);
const manifest = JSON.parse(readFileSync(new URL('manifest.json', dir), 'utf8'));

test('the voice pack has a clip for everything a call can say', () => {
  for (const name of [...numberClipNames(), ...PHRASE_CLIPS]) {
    assert.ok(manifest.clips[name], `manifest lacks ${name}`);
    assert.ok(existsSync(new URL(manifest.clips[name].file, dir)), `file for ${name} missing`);
  }
});
