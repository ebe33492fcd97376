import { test } from 'node:test';
import assert from 'node:assert/strict';
import { distanceKm, summarize, rank, suggest, allMatters } from '../../main/resources/webroot/js/city-ranking.js';

const snap = (matters) => ({ type: 'snapshot', matters });
const city = { id: 'city', name: '市中心', lat: 30.513, lon: 105.593 };
const shehong = { id: 'shehong', name: '射洪', lat: 30.871, lon: 105.388 };
const anju = { id: 'anju', name: '安居', lat: 30.355, lon: 105.456 };

test('distance between Suining and Shehong is about 44 km', () => {
  const d = distanceKm(city, shehong);
  assert.ok(d > 40 && d < 48, String(d));
});

test('a hall row for one matter, and for all matters', () => {
  const s = snap([{ code: 'P', waiting: 4, estimatedWaitSeconds: 600 }, { code: 'Q', waiting: 2, estimatedWaitSeconds: 900, open: true }, { code: 'R', waiting: 1, estimatedWaitSeconds: 5000, open: false }]);
  assert.deepEqual(
    { ...summarize(city, s, { matter: 'P' }), distanceKm: null },
    { id: 'city', name: '市中心', nameEn: undefined, address: '', reachable: true, distanceKm: null, waiting: 4, waitSeconds: 600, open: true }
  );
  const all = summarize(city, s);
  assert.equal(all.waiting, 7);
  assert.equal(all.waitSeconds, 900, 'closed matters do not count');
  assert.equal(summarize(city, s, { matter: 'R' }).open, false);
  assert.equal(summarize(city, s, { matter: 'Z' }).open, false);
  assert.equal(summarize(city, null).reachable, false);
});

test('ranking puts open halls with short waits first and unreachable ones last', () => {
  const rows = [
    { id: 'a', reachable: true, open: true, waitSeconds: 900, distanceKm: 2 },
    { id: 'b', reachable: false, open: false, waitSeconds: null, distanceKm: 1 },
    { id: 'c', reachable: true, open: true, waitSeconds: 300, distanceKm: 30 },
    { id: 'd', reachable: true, open: true, waitSeconds: 300, distanceKm: 5 },
    { id: 'e', reachable: true, open: false, waitSeconds: 10, distanceKm: 1 }
  ];
  assert.deepEqual(rank(rows).map((r) => r.id), ['d', 'c', 'a', 'e', 'b']);
});

test('the suggestion prefers nearby halls when the position is known', () => {
  const position = { lat: 30.52, lon: 105.58 };
  const rows = [
    summarize(city, snap([{ code: 'P', waiting: 20, estimatedWaitSeconds: 2400 }]), { matter: 'P', position }),
    summarize(shehong, snap([{ code: 'P', waiting: 1, estimatedWaitSeconds: 60 }]), { matter: 'P', position }),
    summarize(anju, snap([{ code: 'P', waiting: 3, estimatedWaitSeconds: 300 }]), { matter: 'P', position })
  ];
  assert.equal(suggest(rows, { nearbyKm: 25 }).id, 'anju');
  assert.equal(suggest(rows.map((r) => ({ ...r, distanceKm: null }))).id, 'shehong');
  assert.equal(suggest([]), null);
});

test('all matters across halls, once each', () => {
  assert.deepEqual(allMatters([snap([{ code: 'P' }, { code: 'Q' }]), null, snap([{ code: 'Q' }, { code: 'R' }])]).map((m) => m.code), ['P', 'Q', 'R']);
});
