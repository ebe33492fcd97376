// City view (/city): every hall's public snapshot (GET /api/v1/halls, then
// GET /api/v1/halls/{h}/snapshot), waits per matter, and a suggested hall with a shorter queue.

import '../elements/sx-connection-state.js';
import '../elements/sx-lang-switch.js';
import { startPage, showRestState } from '../page.js';
import { lang, pick, t, onLangChange, formatWait } from '../i18n.js';
import { translateStatic } from '../translate.js';
import { createApi, seg, ApiError } from '../api.js';
import { summarize, rank, suggest, allMatters } from '../city-ranking.js';
import { esc, $ } from '../dom.js';

const REFRESH_MS = 60000;
startPage();
translateStatic();
const api = createApi({ lang });

let halls = [];
let snapshots = new Map();
let position = null;
let matter = new URLSearchParams(location.search).get('matter') || '';

function renderMatters() {
  const list = allMatters([...snapshots.values()]);
  $('#matter').innerHTML = `<option value="">${esc(t('city.allMatters'))}</option>`
    + list.map((m) => `<option value="${esc(m.code)}" ${m.code === matter ? 'selected' : ''}>${esc(pick(m))}</option>`).join('');
}

function render() {
  const rows = rank(halls.map((h) => summarize(h, snapshots.get(h.id), { matter: matter || null, position })));
  const best = suggest(rows);
  $('#suggestion').hidden = !best;
  $('#suggestion').textContent = best ? `${t('city.best')}${lang() === 'en' ? ': ' : '：'}${pick(best)} · ${formatWait(best.waitSeconds)}` : '';
  $('#halls').innerHTML = rows.map((r) => `<li class="${best && r.id === best.id ? 'sx-best' : ''} ${r.reachable && r.open ? '' : 'sx-off'}">
      <span class="sx-hall-name">${esc(pick(r) || r.id)}</span>
      <span class="sx-hall-wait">${!r.reachable ? esc(t('city.unreachable')) : !r.open ? esc(t('screen.closed')) : esc(formatWait(r.waitSeconds))}</span>
      <span class="sx-hall-meta">${r.waiting !== null ? esc(t('city.waiting', { n: r.waiting })) : ''}
        ${r.distanceKm !== null ? ` · ${r.distanceKm.toFixed(1)} km` : ''}</span>
      ${r.address ? `<span class="sx-hall-meta">${esc(r.address)}</span>` : ''}
    </li>`).join('');
}

async function load() {
  try {
    const list = await api.get('/api/v1/halls');
    halls = Array.isArray(list) ? list : list?.halls ?? [];
    const results = await Promise.allSettled(halls.map((h) => api.get(`/api/v1/halls/${seg(h.id)}/snapshot`)));
    snapshots = new Map(halls.map((h, i) => [h.id, results[i].status === 'fulfilled' ? results[i].value : null]));
    $('#error').hidden = true;
    showRestState('open');
  } catch (e) {
    $('#error').hidden = false;
    $('#error').textContent = e instanceof ApiError ? e.localized(lang()) : String(e);
    showRestState('reconnecting');
  }
  renderMatters();
  render();
}

$('#matter').addEventListener('change', (ev) => {
  matter = ev.target.value;
  render();
});
$('#refresh').addEventListener('click', load);
$('#locate').hidden = !navigator.geolocation;
$('#locate').addEventListener('click', () => {
  navigator.geolocation.getCurrentPosition((p) => {
    position = { lat: p.coords.latitude, lon: p.coords.longitude };
    render();
  }, () => {}, { maximumAge: 300000, timeout: 10000 });
});
onLangChange(() => {
  renderMatters();
  render();
});
load();
setInterval(load, REFRESH_MS);
