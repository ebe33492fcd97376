import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatOpeningHours } from '../../main/resources/webroot/js/opening-hours.js';

const weekdays = { days: ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY'], open: '09:00', close: '17:30' };

test('weekday ranges read as a span', () => {
  assert.equal(formatOpeningHours({ weekly: [weekdays] }), '周一至周五 09:00-17:30');
  assert.equal(formatOpeningHours({ weekly: [weekdays] }, 'en'), 'Mon–Fri 09:00-17:30');
});

test('scattered days are listed, sessions joined', () => {
  const hours = { weekly: [weekdays, { days: ['SUNDAY', 'SATURDAY'], open: '09:00', close: '12:00' }] };
  assert.equal(formatOpeningHours(hours), '周一至周五 09:00-17:30；周六、周日 09:00-12:00');
});

test('around the clock, strings and nothing', () => {
  assert.equal(formatOpeningHours({ aroundTheClock: true, weekly: [] }), '全天开放');
  assert.equal(formatOpeningHours('09:00-17:00'), '09:00-17:00');
  assert.equal(formatOpeningHours(null), '');
});
