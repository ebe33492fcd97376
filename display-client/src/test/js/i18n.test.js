import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  t, pick, maskName, maskIdNumber, redactIds, formatWait, initLang, setLang, lang, onLangChange, formatClock
} from '../../main/resources/webroot/js/i18n.js';
import { STRINGS } from '../../main/resources/webroot/js/strings.js';

test('every key exists in Chinese and English', () => {
  assert.deepEqual(Object.keys(STRINGS.en).sort(), Object.keys(STRINGS.zh).sort());
  for (const [k, v] of Object.entries(STRINGS.en)) assert.ok(v.length > 0, k);
});

test('t fills parameters and falls back to the key', () => {
  assert.equal(t('kiosk.ahead', { n: 3 }, 'zh'), '前面还有 3 人');
  assert.equal(t('kiosk.ahead', { n: 3 }, 'en'), '3 ahead of you');
  assert.equal(t('no.such.key', {}, 'en'), 'no.such.key');
});

test('language comes from the query, then storage, default Chinese, and can be switched', () => {
  const store = new Map();
  const storage = { getItem: (k) => store.get(k) ?? null, setItem: (k, v) => store.set(k, v) };
  assert.equal(initLang({ search: '', storage }), 'zh');
  storage.setItem('sx.lang', 'en');
  assert.equal(initLang({ search: '', storage }), 'en');
  assert.equal(initLang({ search: '?lang=zh', storage }), 'zh');
  const seen = [];
  const off = onLangChange((l) => seen.push(l));
  setLang('en', storage);
  setLang('fr', storage);
  off();
  setLang('zh', storage);
  assert.deepEqual(seen, ['en']);
  assert.equal(lang(), 'zh');
  assert.equal(store.get('sx.lang'), 'zh');
});

test('pick takes the English field when there is one', () => {
  const m = { name: '普通护照', nameEn: 'Passport' };
  assert.equal(pick(m, 'name', 'en'), 'Passport');
  assert.equal(pick(m, 'name', 'zh'), '普通护照');
  assert.equal(pick({ name: '户籍' }, 'name', 'en'), '户籍');
  assert.equal(pick(null), '');
});

test('names are masked after the first character', () => {
  assert.equal(maskName('张三'), '张*');
  assert.equal(maskName('李小明'), '李**');
  assert.equal(maskName('欧阳娜娜'), '欧***');
  assert.equal(maskName('王'), '王*');
  assert.equal(maskName(''), '');
  assert.equal(maskName(null), '');
});

test('ID numbers never show in clear', () => {
  assert.equal(maskIdNumber('510902199001011234'), '5109**********1234');
  assert.equal(maskIdNumber('51090219900101123X'), '5109**********123X');
  assert.equal(redactIds('请 510902199001011234 到窗口'), '请 5109**********1234 到窗口');
  assert.equal(redactIds('旧证 510902900101123'), '旧证 5109*******1123');
  assert.equal(redactIds('电话 2026 年 A001'), '电话 2026 年 A001');
});

test('waits are shown in rounded-up minutes', () => {
  assert.equal(formatWait(0, 'zh'), '无需等待');
  assert.equal(formatWait(61, 'zh'), '约 2 分钟');
  assert.equal(formatWait(900, 'en'), 'about 15 min');
  assert.equal(formatWait(3600, 'zh'), '约 1 小时');
  assert.equal(formatWait(5400, 'en'), 'about 1 h 30 min');
  assert.equal(formatWait(null, 'zh'), '—');
});

test('the clock shows Beijing time', () => {
  assert.equal(formatClock(new Date('2026-11-27T01:02:03Z')), '09:02');
  assert.equal(formatClock(new Date('2026-11-27T16:02:03Z'), { seconds: true }), '00:02:03');
});
