import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pageContext } from '../../main/resources/webroot/js/page-context.js';

test('ids come from the paths the server maps', () => {
  assert.deepEqual(pageContext('/halls/city/screen'), { hall: 'city', window: null, ticket: null, key: null });
  assert.equal(pageContext('/halls/chuanshan/windows/11/screen').window, '11');
  assert.deepEqual(pageContext('/t/city/20261127-A001', '?k=Zm9v-YmFy_'), { hall: 'city', window: null, ticket: '20261127-A001', key: 'Zm9v-YmFy_' });
  assert.equal(pageContext('/halls/%E8%88%B9%E5%B1%B1/kiosk').hall, '船山');
});

test('query parameters stand in when a file is opened directly', () => {
  assert.deepEqual(pageContext('/assets/screen.html', '?hall=city&window=3'), { hall: 'city', window: '3', ticket: null, key: null });
  assert.equal(pageContext('/city').hall, null);
});
