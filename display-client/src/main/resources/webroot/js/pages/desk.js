// Help desk (导办台): find a ticket, redirect it to the right matter, issue a ticket for someone,
// grant a green channel; waits per matter and the windows that serve each.

import '../elements/sx-connection-state.js';
import '../elements/sx-lang-switch.js';
import { startPage } from '../page.js';
import { lang, pick, t, onLangChange, formatWait } from '../i18n.js';
import { translateStatic } from '../translate.js';
import { seg, ApiError } from '../api.js';
import { staffStart, logout, isAuthError } from '../staff-page.js';
import { ticketIdFor, windowsServing } from '../hall-queries.js';
import { esc, $ } from '../dom.js';

const ctx = startPage();
translateStatic();
$('#logout').addEventListener('click', logout);
const { session, api, store } = await staffStart(ctx);
$('#who').textContent = `${session.name ?? ''} ${session.staffNo ?? ''}`;

let hall = { matters: [], greenChannels: [] };
let found = null;
const base = `/api/v1/halls/${seg(ctx.hall)}`;

function say(text, kind = '') {
  $('#message').hidden = !text;
  $('#message').className = `sx-message ${kind}`;
  $('#message').textContent = text ?? '';
}

function fail(e) {
  if (isAuthError(e)) logout();
  say(e instanceof ApiError ? e.localized(lang()) : String(e), 'sx-error');
}

const matterName = (code) => pick(hall.matters.find((m) => m.code === code) ?? store.state.matters.find((m) => m.code === code)) || code;

/** `blank`: the text of a first, empty choice (none when absent). */
function options(list, { blank } = {}) {
  return (blank ? `<option value="">${esc(blank)}</option>` : '') + list.map((x) => `<option value="${esc(x.code ?? x.id)}">${esc(pick(x))}</option>`).join('');
}

function renderForms() {
  const matters = hall.matters.length ? hall.matters : store.state.matters;
  $('#issue').matter.innerHTML = options(matters);
  $('#redirect').matter.innerHTML = options(matters);
  const channels = (hall.greenChannels ?? []).filter((c) => c.activeToday);
  $('#issue').greenChannel.innerHTML = options(channels, { blank: t('desk.channel.none') });
  $('#grant').channel.innerHTML = options(channels);
}

function renderFound() {
  if (!found) {
    $('#found').innerHTML = '';
    $('#redirect').hidden = $('#grant').hidden = true;
    return;
  }
  const tk = found.ticket;
  const status = t(`phone.status.${tk.status}`);
  const where = tk.window ? ` · ${esc(pick({ name: tk.windowName, nameEn: tk.windowNameEn }) || t('window.numbered', { id: tk.window }))}` : '';
  $('#found').innerHTML = `<p><b class="sx-current-number sx-found-number">${esc(tk.number)}</b>
    ${esc(pick({ name: tk.matterName, nameEn: tk.matterNameEn }) || matterName(tk.matter))} · ${esc(status)}
    ${tk.status === 'WAITING' ? ` · ${esc(t('kiosk.ahead', { n: tk.ahead ?? 0 }))}` : ''}${where}</p>`;
  $('#redirect').hidden = $('#grant').hidden = false;
}

function renderWaits(state) {
  $('#waits').innerHTML = state.matters.map((m) => {
    const serving = windowsServing(state.windows, m.code).map((w) => `<span class="sx-state-chip" data-state="${esc(w.state)}">${esc(pick(w) || w.id)}</span>`).join(' ');
    return `<tr><td>${esc(pick(m))}</td><td class="sx-num">${esc(m.waiting ?? 0)}</td>
      <td class="sx-num">${m.open === false ? esc(t('screen.closed')) : esc(formatWait(m.estimatedWaitSeconds))}</td><td>${serving}</td></tr>`;
  }).join('');
}

$('#find').addEventListener('submit', async (ev) => {
  ev.preventDefault();
  const number = ev.target.number.value.trim().toUpperCase();
  if (!/^[A-Z]{1,2}\d{3,5}$/.test(number)) return say(t('desk.notFound'), 'sx-error');
  try {
    const ticket = await api.get(`${base}/tickets?number=${encodeURIComponent(number)}`);
    found = { id: ticket.id ?? ticketIdFor(store.state.businessDay, number), ticket };
    say('');
  } catch (e) {
    found = null;
    if (e instanceof ApiError && (e.status === 404 || e.code === 'BAD_FIELD')) say(t('desk.notFound'), 'sx-error');
    else fail(e);
  }
  renderFound();
});

$('#redirect').addEventListener('submit', async (ev) => {
  ev.preventDefault();
  const f = ev.target;
  try {
    await api.post(`${base}/tickets/${seg(found.id)}/redirect`, { matter: f.matter.value, reason: f.reason.value.trim() });
    say(t('clerk.done', { action: t('desk.redirect') }), 'sx-ok');
    f.reset();
  } catch (e) {
    fail(e);
  }
});

$('#grant').addEventListener('submit', async (ev) => {
  ev.preventDefault();
  const f = ev.target;
  try {
    await api.post(`${base}/tickets/${seg(found.id)}/green-channel`, { channel: f.channel.value, reason: f.reason.value.trim() });
    say(t('clerk.done', { action: t('desk.grant') }), 'sx-ok');
    f.reset();
  } catch (e) {
    fail(e);
  }
});

$('#issue').addEventListener('submit', async (ev) => {
  ev.preventDefault();
  const f = ev.target;
  const body = { matter: f.matter.value };
  if (f.greenChannel.value) body.greenChannel = f.greenChannel.value;
  if (f.proof.value.trim()) body.proof = f.proof.value.trim();
  const party = Number(f.partySize.value);
  if (party > 1) body.partySize = party;
  // Sent for per-person limits and the one-trip rate; the server keeps only a salted hash.
  const idNumber = f.idNumber.value.replace(/\s/g, '').toUpperCase();
  if (idNumber) body.idNumber = idNumber;
  try {
    const tk = await api.post(`${base}/tickets`, body);
    say(`${t('desk.issued', { number: tk.number })} · ${t('kiosk.ahead', { n: tk.ahead ?? 0 })} · ${formatWait(tk.estimatedWaitSeconds)}`, 'sx-ok');
    f.reset();
  } catch (e) {
    fail(e);
  }
});

async function loadHall() {
  try {
    hall = await api.get(base);
    renderForms();
  } catch (e) {
    fail(e);
  }
}

store.subscribe((state) => {
  $('#hall-name').textContent = pick({ name: state.hallName, nameEn: state.hallNameEn }) || ctx.hall;
  renderWaits(state);
  if (!hall.matters.length && state.matters.length) renderForms();
});
onLangChange(() => {
  renderForms();
  renderFound();
  renderWaits(store.state);
});
loadHall();
