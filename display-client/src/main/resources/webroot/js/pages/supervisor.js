// Supervisor board (值班长看板): every window and its state, queues with the longest waits first,
// alerts and device status from the staff feed; open/close windows and remap their matters.

import '../elements/sx-connection-state.js';
import '../elements/sx-lang-switch.js';
import '../elements/sx-clock.js';
import { windowBadges } from '../elements/sx-recent-calls.js';
import { startPage, wireDialogCancel, confirmed } from '../page.js';
import { lang, pick, t, onLangChange, formatWait, formatClock, maskName, redactIds } from '../i18n.js';
import { translateStatic } from '../translate.js';
import { seg, ApiError } from '../api.js';
import { staffStart, logout, isAuthError } from '../staff-page.js';
import { longestWaits, windowStateCounts } from '../hall-queries.js';
import { esc, $, deferWhilePressed } from '../dom.js';

const LONG_WAIT_SECONDS = 30 * 60;
const ctx = startPage();
translateStatic();
wireDialogCancel();
$('#logout').addEventListener('click', logout);
const { session, api, store } = await staffStart(ctx);
$('#who').textContent = `${session.name ?? ''} ${session.staffNo ?? ''}`;
const base = `/api/v1/halls/${seg(ctx.hall)}`;

function say(text, kind = '') {
  $('#message').hidden = !text;
  $('#message').className = `sx-message ${kind}`;
  $('#message').textContent = text ?? '';
}

const whenReleased = deferWhilePressed($('#windows'));

function renderWindows(state) {
  whenReleased(() => drawWindows(state));
}

function drawWindows(state) {
  const counts = windowStateCounts(state.windows);
  $('#counts').textContent = Object.entries(counts).map(([s, n]) => `${t(`window.state.${s}`)} ${n}`).join(' · ');
  $('#windows').innerHTML = state.windows.map((w) => {
    const closed = w.state === 'CLOSED';
    const names = (w.matters ?? []).map((code) => pick(state.matters.find((m) => m.code === code)) || code);
    const sep = lang() === 'en' ? ', ' : '、';
    // A comprehensive window serves dozens of matters: name a few, count the rest, all on hover.
    const matters = names.length > 3 ? `${names.slice(0, 3).join(sep)} … (${names.length})` : names.join(sep);
    return `<tr>
      <td><b>${esc(pick(w) || w.id)}</b>${windowBadges(w)}</td>
      <td><span class="sx-state-chip" data-state="${esc(w.state)}">${esc(t(`window.state.${w.state}`))}</span>
        ${w.pausedReason ? `<small>${esc(w.pausedReason)}</small>` : ''}</td>
      <td>${w.clerk ? `${esc(maskName(w.clerk.name))} <small>${esc(w.clerk.staffNo ?? '')}</small>` : ''}</td>
      <td class="sx-num">${esc(w.current?.number ?? '')}</td>
      <td><small title="${esc(names.join(sep))}">${esc(matters)}</small></td>
      <td class="sx-nowrap">
        <button type="button" data-op="${closed ? 'open' : 'close'}" data-window="${esc(w.id)}" class="${closed ? '' : 'sx-danger'}">${t(closed ? 'sup.open' : 'sup.close')}</button>
        <button type="button" data-op="remap" data-window="${esc(w.id)}" class="sx-secondary">${t('sup.remap')}</button>
      </td></tr>`;
  }).join('');
}

let waiting = null; // GET .../waiting: per matter, who has waited longest
let waitingTimer = null;
let waitingFetchedAt = 0;

function longestFor(code) {
  const m = waiting?.matters?.find((x) => x.code === code);
  if (!m?.longestWaitSince) return null;
  const since = Date.parse(m.longestWaitSince);
  return Number.isNaN(since) ? null : { number: m.longestWaitNumber, seconds: Math.max(0, (Date.now() - since) / 1000) };
}

function renderQueues(state) {
  $('#queues').innerHTML = longestWaits(state.matters).map((m) => {
    const longest = longestFor(m.code);
    const late = (longest?.seconds ?? m.estimatedWaitSeconds ?? 0) >= LONG_WAIT_SECONDS;
    return `<tr class="${late ? 'sx-warn-row' : ''}">
      <td>${esc(pick(m))}</td><td class="sx-num">${esc(m.waiting ?? 0)}</td>
      <td class="sx-num">${m.open === false ? esc(t('screen.closed')) : esc(formatWait(m.estimatedWaitSeconds))}</td>
      <td class="sx-num">${longest ? `${esc(longest.number ?? '')} · ${esc(formatWait(longest.seconds))}` : ''}</td></tr>`;
  }).join('');
}

/** Refreshes the longest waits soon, at most every 5 s however busy the feed is. */
function refreshWaiting() {
  if (waitingTimer) return;
  waitingTimer = setTimeout(async () => {
    waitingTimer = null;
    waitingFetchedAt = Date.now();
    try {
      waiting = await api.get(`${base}/waiting`);
      renderQueues(store.state);
    } catch (e) {
      if (isAuthError(e)) logout();
    }
  }, Math.max(0, waitingFetchedAt + 5000 - Date.now()));
}

function when(at) {
  const d = at ? new Date(at) : null;
  return d && !Number.isNaN(d.getTime()) ? formatClock(d) : '';
}

function renderSide(state) {
  $('#alerts').innerHTML = state.alerts.length === 0
    ? `<li class="sx-empty">${t('sup.noAlerts')}</li>`
    : state.alerts.map((a) => {
      const text = lang() === 'en' ? a.messageEn ?? a.message : a.message ?? a.messageEn;
      return `<li>${esc(when(a.at))} <b>${esc(a.code ?? a.kind ?? '')}</b> ${esc(redactIds(text ?? ''))}</li>`;
    }).join('');
  $('#devices').innerHTML = Object.entries(state.devices).map(([id, d]) => `<li>${esc(when(d.at))} <b>${esc(d.name ?? id)}</b>
      ${esc(typeof d.device === 'string' ? d.device : '')} <span class="sx-state-chip" data-state="${d.status === 'OK' ? 'SERVING' : 'PAUSED'}">${esc(d.status ?? '')}</span></li>`).join('');
}

function render(state) {
  $('#hall-name').textContent = pick({ name: state.hallName, nameEn: state.hallNameEn }) || ctx.hall;
  renderWindows(state);
  renderQueues(state);
  renderSide(state);
}

async function post(path, body, label) {
  try {
    await api.post(path, body);
    say(t('clerk.done', { action: label }), 'sx-ok');
  } catch (e) {
    if (isAuthError(e)) logout();
    say(e instanceof ApiError ? e.localized(lang()) : String(e), 'sx-error');
  }
}

async function remap(windowId) {
  const state = store.state;
  const w = state.windows.find((x) => String(x.id) === String(windowId));
  const dialog = $('#remap-dialog');
  $('#remap-window').textContent = pick(w) || windowId;
  const serves = new Set(w?.matters ?? []);
  $('#remap-matters').innerHTML = state.matters.map((m) => `<label class="sx-check">
      <input type="checkbox" name="matter" value="${esc(m.code)}" ${serves.has(m.code) ? 'checked' : ''}> ${esc(pick(m))}</label>`).join('');
  dialog.returnValue = '';
  dialog.showModal();
  if (!(await confirmed(dialog, dialog.querySelector('form')))) return;
  const matters = [...dialog.querySelectorAll('input[name=matter]:checked')].map((i) => i.value);
  post(`${base}/windows/${seg(windowId)}/matters`, { matters }, t('sup.remap'));
}

$('#windows').addEventListener('click', (ev) => {
  const b = ev.target.closest('button[data-op]');
  if (!b) return;
  const { op, window: windowId } = b.dataset;
  if (op === 'remap') remap(windowId);
  else post(`${base}/windows/${seg(windowId)}/${op}`, {}, t(op === 'open' ? 'sup.open' : 'sup.close'));
});

store.subscribe(render);
store.onMessage((msg) => {
  if (msg.type === 'snapshot' || typeof msg.seq === 'number') refreshWaiting();
});
// Waiting times grow with no event at all: redraw them every half minute.
setInterval(() => renderQueues(store.state), 30000);
onLangChange(() => render(store.state));
