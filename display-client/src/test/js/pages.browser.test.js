// Loads every page in headless Chromium against the stand-in hall of tools/dev-server.mjs and
// checks that it renders live data without a script error. Talks to Chromium over
// --remote-debugging-pipe, so it needs no WebSocket client. Skipped when Chromium is absent.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDevHall } from '../../../tools/dev-server.mjs';

function findChromium() {
  for (const bin of [process.env.CHROME_BIN, 'chromium', 'chromium-browser', 'google-chrome']) {
    if (!bin) continue;
    try {
      execFileSync(bin, ['--version'], { stdio: 'ignore', timeout: 10000 });
      return bin;
    } catch {
      // try the next name
    }
  }
  return null;
}

const chromiumBin = process.env.SX_SKIP_BROWSER_TESTS ? null : findChromium();
const skip = chromiumBin ? false : 'Chromium not installed (or SX_SKIP_BROWSER_TESTS set)';

/** Minimal CDP client over the pipe: JSON messages separated by NUL bytes. */
class Cdp {
  constructor(proc) {
    this.proc = proc;
    this.nextId = 1;
    this.pending = new Map();
    this.listeners = [];
    let buffer = '';
    proc.stdio[4].on('data', (chunk) => {
      buffer += chunk.toString('utf8');
      let end;
      while ((end = buffer.indexOf('\0')) >= 0) {
        const msg = JSON.parse(buffer.slice(0, end));
        buffer = buffer.slice(end + 1);
        if (msg.id && this.pending.has(msg.id)) {
          const { resolve, reject } = this.pending.get(msg.id);
          this.pending.delete(msg.id);
          if (msg.error) reject(new Error(msg.error.message));
          else resolve(msg.result);
        } else {
          for (const fn of this.listeners) fn(msg);
        }
      }
    });
  }

  send(method, params = {}, sessionId = undefined) {
    const id = this.nextId++;
    this.proc.stdio[3].write(`${JSON.stringify({ id, method, params, sessionId })}\0`);
    return new Promise((resolve, reject) => this.pending.set(id, { resolve, reject }));
  }
}

let hall;
let chrome;
let cdp;
let profile;

before(async () => {
  if (skip) return;
  hall = await startDevHall({ tickMs: 700 });
  profile = mkdtempSync(join(tmpdir(), 'sx-chromium-'));
  chrome = spawn(chromiumBin, [
    '--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
    '--disable-sync', '--disable-quic', '--no-first-run', '--autoplay-policy=no-user-gesture-required',
    `--user-data-dir=${profile}`, '--remote-debugging-pipe', 'about:blank'
  ], { stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'] });
  cdp = new Cdp(chrome);
});

after(async () => {
  if (skip) return;
  const exited = new Promise((resolve) => chrome.once('exit', resolve));
  chrome.kill();
  await exited;
  await hall.close();
  // Chromium's helper processes may still be writing the profile for a moment.
  try {
    rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
  } catch {
    // a leftover temp profile is harmless
  }
});

/** Opens a page in a fresh tab; returns helpers and the errors seen so far. */
async function open(path, { session = null, width = 1280, height = 800 } = {}) {
  const { targetId } = await cdp.send('Target.createTarget', { url: 'about:blank' });
  const { sessionId } = await cdp.send('Target.attachToTarget', { targetId, flatten: true });
  const errors = [];
  cdp.listeners.push((msg) => {
    if (msg.sessionId !== sessionId) return;
    if (msg.method === 'Runtime.exceptionThrown') errors.push(msg.params.exceptionDetails.exception?.description ?? msg.params.exceptionDetails.text);
    if (msg.method === 'Log.entryAdded' && msg.params.entry.level === 'error') errors.push(`${msg.params.entry.text} ${msg.params.entry.url ?? ''}`);
  });
  const send = (method, params) => cdp.send(method, params, sessionId);
  await send('Runtime.enable');
  await send('Log.enable');
  await send('Page.enable');
  await send('Emulation.setDeviceMetricsOverride', { width, height, deviceScaleFactor: 1, mobile: false });
  if (session) {
    await send('Page.addScriptToEvaluateOnNewDocument', { source: `sessionStorage.setItem('sx.session', ${JSON.stringify(JSON.stringify(session))});` });
  }
  await send('Page.navigate', { url: `http://127.0.0.1:${hall.port}${path}` });
  const evaluate = async (expression) => {
    const r = await send('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true });
    if (r.exceptionDetails) throw new Error(r.exceptionDetails.exception?.description ?? r.exceptionDetails.text);
    return r.result.value;
  };
  const waitFor = async (expression, timeoutMs = 10000) => {
    const end = Date.now() + timeoutMs;
    for (;;) {
      const value = await evaluate(expression).catch(() => undefined);
      if (value) return value;
      if (Date.now() > end) throw new Error(`timed out waiting for ${expression}; errors: ${errors.join(' | ')}`);
      await new Promise((r) => setTimeout(r, 150));
    }
  };
  const close = () => cdp.send('Target.closeTarget', { targetId });
  return { evaluate, waitFor, errors, close };
}

const STAFF = { token: 'dev', role: 'SUPERVISOR', name: '张*', staffNo: '0123' };
const connected = `document.querySelector('sx-connection-state')?.dataset.state === 'open'`;

test('hall screen shows live calls, queues them for the voice and switches to English', { skip, timeout: 60000 }, async () => {
  const page = await open('/halls/city/screen?lang=zh', { width: 1920, height: 1080 });
  await page.waitFor(connected);
  await page.waitFor(`document.querySelector('#hall-name').textContent === '遂宁市公安政务服务中心'`);
  await page.waitFor(`document.querySelector('sx-now-calling .sx-newest .sx-call-number')`);
  await page.waitFor(`document.querySelectorAll('sx-matter-waits li').length === 6`);
  await page.waitFor(`globalThis.sxVoiceQueue && (globalThis.sxVoiceQueue.played.includes('qing') || globalThis.sxVoiceQueue.pendingClips().includes('qing'))`);
  await page.evaluate(`document.querySelector('sx-lang-switch button').click()`);
  await page.waitFor(`document.querySelector('#now h2').textContent === 'Now calling' && document.documentElement.lang === 'en'`);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('window screen shows its window and the masked clerk', { skip, timeout: 30000 }, async () => {
  const page = await open('/halls/city/windows/6/screen?lang=zh');
  await page.waitFor(`document.querySelector('.sx-ws-name')?.textContent.includes('6号窗口')`);
  await page.waitFor(`document.querySelector('.sx-ws-paused')?.textContent === '暂停服务'`);
  assert.match(await page.evaluate(`document.querySelector('.sx-ws-clerk').textContent`), /张\*/);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('a kiosk that is not enrolled says so and how to enrol it', { skip, timeout: 30000 }, async () => {
  const page = await open('/halls/city/kiosk?lang=zh', { width: 1080, height: 1920 });
  await page.waitFor(`!document.querySelector('#not-enrolled').hidden`);
  assert.equal(await page.evaluate(`document.querySelector('#not-enrolled h2').textContent`), '未登记的取号机');
  assert.match(await page.evaluate(`document.querySelector('#enrol-link').textContent`), /\/halls\/city\/kiosk\/enrol$/);
  assert.equal(await page.evaluate(`document.querySelector('#choose').hidden`), true);
  assert.deepEqual(page.errors.filter((e) => !e.includes('status of 401')), []);
  await page.close();
});

test('kiosk is enrolled once, then issues a ticket and shows its QR code', { skip, timeout: 30000 }, async () => {
  const page = await open('/halls/city/kiosk/enrol?lang=zh', { width: 1080, height: 1920 });
  await page.waitFor(`document.querySelector('#current').textContent.includes('尚未登记')`);
  await page.evaluate(`(() => {
    const f = document.querySelector('#enrol');
    f.token.value = 'dev';
    f.querySelector('button').click();
  })()`);
  await page.waitFor(`location.pathname === '/halls/city/kiosk' && location.search === ''`);
  await page.waitFor(`document.querySelectorAll('button.sx-matter').length > 0`);
  assert.equal(await page.evaluate(`document.querySelector('#not-enrolled').hidden`), true);
  assert.equal(await page.evaluate(`document.cookie`), '', 'the device cookie is out of reach of scripts');
  await page.evaluate(`document.querySelector('button.sx-matter[data-matter="EE-PASSPORT"]').click()`);
  await page.waitFor(`!document.querySelector('#confirm').hidden`);
  await page.evaluate(`document.querySelector('#take').click()`);
  await page.waitFor(`document.querySelector('sx-ticket-slip sx-qr-code svg path')`);
  assert.equal(await page.evaluate(`document.querySelector('.sx-slip-number').textContent`), 'A042');
  assert.equal(await page.evaluate(`localStorage.getItem('sx.deviceToken')`), null);
  assert.deepEqual(page.errors.filter((e) => !e.includes('status of 401')), []);
  await page.close();
});

test('clerk console serves a ticket: call, key S to start, finish with materials to follow', { skip, timeout: 60000 }, async () => {
  const page = await open('/halls/city/clerk?window=3&lang=zh', { session: STAFF });
  await page.waitFor(connected);
  await page.waitFor(`document.querySelectorAll('#waiting tr').length === 2 && document.querySelectorAll('#parked li').length === 1`);
  assert.equal(await page.evaluate(`document.querySelector('sx-login-form').hidden`), true);
  const enabled = (action) => `!document.querySelector('#buttons button[data-action="${action}"]').disabled`;
  await page.waitFor(enabled('call-next'));
  await page.evaluate(`document.querySelector('#buttons button[data-action="call-next"]').click()`);
  await page.waitFor(`document.querySelector('#rule').textContent.includes('按取号先后')`);
  await page.waitFor(enabled('start'));
  await page.evaluate(`document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 's', bubbles: true }))`);
  await page.waitFor(enabled('finish'));
  await page.evaluate(`document.querySelector('#buttons button[data-action="finish"]').click()`);
  await page.waitFor(`document.querySelector('#finish-dialog').open`);
  // 容缺受理 without a due date is refused and the dialog stays open with the problem shown.
  await page.evaluate(`(() => {
    const f = document.querySelector('#finish-dialog form');
    f.outcome.value = 'PENDING_MATERIALS';
    f.outcome.dispatchEvent(new Event('change'));
    f.missingMaterials.value = '户口簿复印件，照片';
    f.querySelector('button[value=ok]').click();
  })()`);
  await page.waitFor(`!document.querySelector('#finish-dialog .sx-error').hidden && document.querySelector('#finish-dialog').open`);
  await page.evaluate(`(() => {
    const f = document.querySelector('#finish-dialog form');
    f.outcome.value = 'PENDING_MATERIALS';
    f.outcome.dispatchEvent(new Event('change'));
    f.missingMaterials.value = '户口簿复印件，照片';
    f.dueDate.value = '2026-12-04';
    f.querySelector('button[value=ok]').click();
  })()`);
  await page.waitFor(`document.querySelector('#message.sx-ok')?.textContent.includes('办结')`);
  await page.waitFor(enabled('call-next'));
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('help desk finds a ticket by number', { skip, timeout: 30000 }, async () => {
  const page = await open('/halls/city/desk', { session: STAFF });
  await page.waitFor(`document.querySelectorAll('#waits tr').length === 6`);
  await page.evaluate(`(() => { const f = document.querySelector('#find'); f.number.value = 'a042'; f.requestSubmit(); })()`);
  await page.waitFor(`document.querySelector('#found')?.textContent.includes('A042')`);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('supervisor board lists windows and queues', { skip, timeout: 30000 }, async () => {
  const page = await open('/halls/city/supervisor', { session: STAFF });
  await page.waitFor(`document.querySelectorAll('#windows tr').length === 8`);
  await page.waitFor(`document.querySelectorAll('#queues tr').length === 6`);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('staff pages ask for a login first', { skip, timeout: 30000 }, async () => {
  const page = await open('/halls/city/clerk');
  await page.waitFor(`document.querySelector('sx-login-form form')`);
  assert.equal(await page.evaluate(`document.querySelector('#app').hidden`), true);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('phone page shows the ticket and the near notice', { skip, timeout: 30000 }, async () => {
  const page = await open('/t/city/20261127-A042?k=dev-link-secret', { width: 390, height: 844 });
  await page.waitFor(`document.querySelector('#number').textContent === 'A042'`);
  await page.waitFor(`!document.querySelector('#near').hidden`);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('phone page without the link secret says the ticket is not found', { skip, timeout: 30000 }, async () => {
  const page = await open('/t/city/20261127-A042?lang=zh', { width: 390, height: 844 });
  await page.waitFor(`!document.querySelector('#error').hidden`);
  assert.equal(await page.evaluate(`document.querySelector('#number').textContent`), '—');
  assert.match(await page.evaluate(`document.querySelector('#error').textContent`), /未找到该号码/);
  // the browser logs the 404 itself; nothing else may go wrong
  assert.deepEqual(page.errors.filter((e) => !e.includes('status of 404')), []);
  await page.close();
});

test('city view lists halls with a suggestion', { skip, timeout: 30000 }, async () => {
  const page = await open('/city');
  await page.waitFor(`document.querySelectorAll('#halls li').length === 1 && !document.querySelector('#suggestion').hidden`);
  await page.waitFor(connected);
  assert.deepEqual(page.errors, []);
  await page.close();
});
