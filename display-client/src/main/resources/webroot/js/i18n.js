// UI strings in Simplified Chinese first, English second, and the privacy rules for what a
// screen may show: names masked (张三 -> 张*), ID-card numbers never in clear.

import { STRINGS } from './strings.js';

export const LANGS = Object.freeze(['zh', 'en']);
const STORAGE_KEY = 'sx.lang';

let current = 'zh';
const listeners = new Set();

export function initLang({ search = '', storage = null } = {}) {
  const fromQuery = new URLSearchParams(search).get('lang');
  const stored = storage?.getItem?.(STORAGE_KEY);
  const next = LANGS.includes(fromQuery) ? fromQuery : LANGS.includes(stored) ? stored : 'zh';
  // Elements may have rendered before the page read the setting: tell them.
  if (next !== current) {
    current = next;
    for (const fn of listeners) fn(next);
  }
  return current;
}

export function lang() {
  return current;
}

export function setLang(next, storage = null) {
  if (!LANGS.includes(next) || next === current) return;
  current = next;
  storage?.setItem?.(STORAGE_KEY, next);
  for (const fn of listeners) fn(next);
}

export function onLangChange(fn) {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

/** Looks a key up in the current (or given) language, falling back to Chinese, then the key. */
export function t(key, params = {}, language = current) {
  const table = STRINGS[language] ?? STRINGS.zh;
  const template = table[key] ?? STRINGS.zh[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (m, name) => (name in params ? String(params[name]) : m));
}

/** Picks the Chinese or English field of a server record: pick(matter, 'name') -> name / nameEn. */
export function pick(record, field = 'name', language = current) {
  if (!record) return '';
  if (language === 'en' && record[`${field}En`]) return record[`${field}En`];
  return record[field] ?? '';
}

/** Keeps the first character of a name: 张三 -> 张*, 欧阳娜娜 -> 欧***, already masked stays. */
export function maskName(name) {
  const chars = Array.from(String(name ?? '').trim());
  if (chars.length === 0) return '';
  if (chars.length === 1) return `${chars[0]}*`;
  return chars[0] + '*'.repeat(Math.min(chars.length - 1, 3));
}

const ID_PATTERN = /(?<![0-9])([1-9][0-9]{5})(?:[0-9]{8}[0-9]{3}[0-9Xx]|[0-9]{9})(?![0-9Xx])/g;

/** 510902199001011234 -> 5109**********1234 (18 digits) and 15-digit old numbers alike. */
export function maskIdNumber(id) {
  const s = String(id ?? '').replace(/\s/g, '');
  if (s.length < 8) return '*'.repeat(s.length);
  return s.slice(0, 4) + '*'.repeat(s.length - 8) + s.slice(-4);
}

/** Masks anything that looks like a resident ID number inside free text (notices, reasons). */
export function redactIds(text) {
  return String(text ?? '').replace(ID_PATTERN, (m) => maskIdNumber(m));
}

/** Wait time in whole minutes, rounded up: 0 -> 无需等待 / no wait, 61 s -> 约 2 分钟 / about 2 min. */
export function formatWait(seconds, language = current) {
  if (seconds === null || seconds === undefined || !Number.isFinite(Number(seconds))) return t('wait.unknown', {}, language);
  const minutes = Math.ceil(Math.max(0, Number(seconds)) / 60);
  if (minutes === 0) return t('wait.none', {}, language);
  if (minutes < 60) return t('wait.minutes', { n: minutes }, language);
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return m === 0 ? t('wait.hours', { h }, language) : t('wait.hoursMinutes', { h, m }, language);
}

/** HH:MM in Beijing time, whatever the browser's zone. */
export function formatClock(date, { seconds = false } = {}) {
  const fmt = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', second: seconds ? '2-digit' : undefined, hourCycle: 'h23'
  });
  return fmt.format(date);
}

export function formatDate(date, language = current) {
  const fmt = new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'zh-CN', {
    timeZone: 'Asia/Shanghai', year: 'numeric', month: 'long', day: 'numeric', weekday: 'long'
  });
  return fmt.format(date);
}
