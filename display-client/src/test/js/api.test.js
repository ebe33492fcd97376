import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createApi, ApiError, problemCode } from '../../main/resources/webroot/js/api.js';

function fakeFetch(status, body, headers = {}) {
  const calls = [];
  const fn = async (url, init) => {
    calls.push({ url, init });
    return {
      status,
      ok: status >= 200 && status < 300,
      headers: { get: (k) => headers[k] ?? null },
      text: async () => (body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body))
    };
  };
  fn.calls = calls;
  return fn;
}

test('a successful POST sends JSON with the bearer token and returns the parsed body', async () => {
  const fetch = fakeFetch(201, { id: 't1', number: 'A001' });
  const api = createApi({ fetch, token: () => 'DEV', lang: () => 'en' });
  const body = await api.post('/api/v1/halls/city/tickets', { matter: 'EE-PASSPORT' });
  assert.deepEqual(body, { id: 't1', number: 'A001' });
  const { url, init } = fetch.calls[0];
  assert.equal(url, '/api/v1/halls/city/tickets');
  assert.equal(init.method, 'POST');
  assert.equal(init.headers.Authorization, 'Bearer DEV');
  assert.equal(init.headers['Accept-Language'], 'en');
  assert.equal(init.body, '{"matter":"EE-PASSPORT"}');
});

test('204 returns null', async () => {
  const api = createApi({ fetch: fakeFetch(204) });
  assert.equal(await api.post('/x'), null);
});

test('a problem+json 409 a citizen meets gets our zh/en wording', async () => {
  const api = createApi({ fetch: fakeFetch(409, { type: 'urn:suixin:problem:matter-quota-reached', title: 'Quota', status: 409, code: 'MATTER_QUOTA_REACHED', message: '该事项今日号源已取完', messageEn: 'taken' }) });
  const err = await api.post('/t').catch((e) => e);
  assert.ok(err instanceof ApiError);
  assert.equal(err.status, 409);
  assert.equal(err.code, 'MATTER_QUOTA_REACHED');
  assert.match(err.localized('zh'), /号源已取完/);
  assert.match(err.localized('en'), /All numbers/);
});

test('the code can come from the problem type URI', () => {
  assert.equal(problemCode({ type: 'https://suixin.example/problems/hall-closed' }, 409), 'HALL_CLOSED');
  assert.equal(problemCode({ type: 'urn:suixin:problem:window-busy' }, 409), 'WINDOW_BUSY');
  assert.equal(problemCode({ type: 'about:blank' }, 401), 'UNAUTHORIZED');
  assert.equal(problemCode(null, 418), 'UNKNOWN');
});

test('other codes show the server text, in the chosen language', async () => {
  const api = createApi({ fetch: fakeFetch(409, { code: 'WINDOW_BUSY', message: '该窗口正在办理其他号', messageEn: 'This window is still serving a ticket' }) });
  const busy = await api.post('/t').catch((e) => e);
  assert.equal(busy.localized('zh'), '该窗口正在办理其他号');
  assert.equal(busy.localized('en'), 'This window is still serving a ticket');
});

test('unknown codes fall back to detail, then to our words', async () => {
  const api = createApi({ fetch: fakeFetch(422, { code: 'ODD_RULE', detail: '某规则', detailEn: 'some rule' }) });
  const err = await api.get('/t').catch((e) => e);
  assert.equal(err.localized('zh'), '某规则');
  assert.equal(err.localized('en'), 'some rule');
  const bare = await createApi({ fetch: fakeFetch(500, 'oops') }).get('/t').catch((e) => e);
  assert.equal(bare.localized('zh'), '操作失败（500）');
});

test('503 keeps Retry-After', async () => {
  const err = await createApi({ fetch: fakeFetch(503, { title: 'moving' }, { 'Retry-After': '2' }) }).get('/t').catch((e) => e);
  assert.equal(err.code, 'HALL_UNAVAILABLE');
  assert.equal(err.retryAfter, 2);
});

test('an unreachable hall is a NETWORK error with a clear message', async () => {
  const api = createApi({ fetch: async () => { throw new TypeError('fetch failed'); } });
  const err = await api.get('/t').catch((e) => e);
  assert.equal(err.status, 0);
  assert.equal(err.code, 'NETWORK');
  assert.match(err.localized('zh'), /无法连接服务大厅/);
});

test('a hanging request times out', async () => {
  const hang = (url, init) => new Promise((resolve, reject) => {
    init.signal.addEventListener('abort', () => reject(Object.assign(new Error('aborted'), { name: 'AbortError' })));
  });
  const err = await createApi({ fetch: hang, timeoutMs: 10 }).get('/t').catch((e) => e);
  assert.equal(err.code, 'TIMEOUT');
});

test('every POST carries a fresh Idempotency-Key, GETs do not', async () => {
  const fetch = fakeFetch(200, {});
  const api = createApi({ fetch });
  await api.post('/a', {});
  await api.post('/a', {});
  await api.get('/b');
  const [k1, k2] = fetch.calls.slice(0, 2).map((c) => c.init.headers['Idempotency-Key']);
  assert.match(k1, /^[0-9a-f]{32}$/);
  assert.notEqual(k1, k2);
  assert.equal(fetch.calls[2].init.headers['Idempotency-Key'], undefined);
});

test('a caller can reuse one key for retries of the same intent', async () => {
  const fetch = fakeFetch(201, {});
  const api = createApi({ fetch });
  await api.post('/t', {}, { key: 'k1' });
  await api.post('/t', {}, { key: 'k1' });
  assert.deepEqual(fetch.calls.map((c) => c.init.headers['Idempotency-Key']), ['k1', 'k1']);
});
