// Kiosk (取号机): matters by category from GET /api/v1/halls/{hall}, live waits from the public
// feed, POST /api/v1/halls/{hall}/tickets, then the slip with a QR. The kiosk's identity is the
// HttpOnly cookie its browser got at enrolment (/halls/{hall}/kiosk/enrol): this page never sees
// a token, and its address carries none. Changes carry X-Suixin-Kiosk, which other sites cannot send.

import '../elements/sx-connection-state.js';
import '../elements/sx-lang-switch.js';
import '../elements/sx-clock.js';
import '../elements/sx-matter-picker.js';
import '../elements/sx-ticket-slip.js';
import { startPage, showConnection } from '../page.js';
import { lang, pick, t, onLangChange } from '../i18n.js';
import { translateStatic } from '../translate.js';
import { createApi, seg, ApiError, idempotencyKey } from '../api.js';
import { HallStore } from '../hall-store.js';
import { formatOpeningHours } from '../opening-hours.js';
import { $ } from '../dom.js';

const RETURN_AFTER_MS = 30000;
const ctx = startPage();
translateStatic();
const api = createApi({ lang, headers: { 'X-Suixin-Kiosk': '1' } });
// Earlier versions kept the device token in localStorage, where any script could read it.
globalThis.localStorage?.removeItem('sx.deviceToken');
const store = new HallStore({ hall: ctx.hall, lang }).start();
showConnection(store);

let hall = null;
let choice = null;
let partySize = 1;
let returnTimer = null;
// Kept only while the outcome of an attempt is unknown (network error, timeout): the retry then
// cannot issue a second ticket. Any answer from the server starts a new key.
let issueKey = null;

function show(section) {
  for (const id of ['choose', 'confirm', 'result', 'not-enrolled']) $(`#${id}`).hidden = id !== section;
  clearTimeout(returnTimer);
  if (section === 'confirm' || section === 'result') returnTimer = setTimeout(() => show('choose'), RETURN_AFTER_MS);
}

/** Says so, with the address a technician opens on this PC; nobody can take a number here until then. */
function notEnrolled() {
  $('#enrol-link').textContent = `${location.origin}/halls/${seg(ctx.hall)}/kiosk/enrol`;
  show('not-enrolled');
}

const isNotEnrolled = (e) => e instanceof ApiError && e.status === 401;

function banner(text) {
  $('#banner').hidden = !text;
  $('#banner').textContent = text ?? '';
}

function renderPicker() {
  if (!hall) return;
  const live = new Map(store.state.matters.map((m) => [m.code, m]));
  $('sx-matter-picker').data = { matters: hall.matters, greenChannels: hall.greenChannels, live };
}

async function loadHall() {
  try {
    const [info, me] = await Promise.all([api.get(`/api/v1/halls/${seg(ctx.hall)}`),
      api.get(`/api/v1/halls/${seg(ctx.hall)}/kiosk/enrolment`).catch((e) => e)]);
    if (me instanceof Error && !isNotEnrolled(me)) throw me;
    hall = info;
    $('#hall-name').textContent = pick(hall) || ctx.hall;
    banner(null);
    renderPicker();
    if (isNotEnrolled(me)) notEnrolled();
  } catch (e) {
    banner(e instanceof ApiError ? e.localized(lang()) : t('error.NETWORK'));
    setTimeout(loadHall, 10000);
  }
}

function openConfirm({ matter, channel }) {
  const m = hall.matters.find((x) => x.code === matter);
  const c = channel ? hall.greenChannels.find((x) => x.id === channel) : null;
  choice = { matter: m, channel: c };
  issueKey = idempotencyKey();
  partySize = 1;
  $('#party').textContent = '1';
  $('#confirm-matter').textContent = pick(m);
  $('#confirm-channel').hidden = !c;
  $('#confirm-channel').textContent = c ? `${t('kiosk.greenChannel')} · ${pick(c)}` : '';
  $('#proof-field').hidden = !(c && c.proof);
  // The channel names its proof (准考证, 学生证…); the field asks for that document's number.
  $('#proof-label').textContent = c && typeof c.proof === 'string' ? t('kiosk.proofOf', { proof: pick(c, 'proof') }) : t('kiosk.proof');
  $('#proof').value = '';
  $('#error').hidden = true;
  show('confirm');
}

async function take() {
  const body = { matter: choice.matter.code };
  if (choice.channel) {
    body.greenChannel = choice.channel.id;
    const proof = $('#proof').value.trim();
    if (proof) body.proof = proof;
  }
  if (partySize > 1) body.partySize = partySize;
  $('#take').disabled = true;
  $('#take').textContent = t('kiosk.issuing');
  try {
    const ticket = await api.post(`/api/v1/halls/${seg(ctx.hall)}/tickets`, body, { key: issueKey });
    issueKey = idempotencyKey();
    $('sx-ticket-slip').data = { ticket, matter: choice.matter };
    show('result');
  } catch (e) {
    if (!(e instanceof ApiError) || e.status > 0) issueKey = idempotencyKey();
    // enrolled once, but the device was removed since (a replaced kiosk, a revoked token)
    if (isNotEnrolled(e)) return notEnrolled();
    $('#error').hidden = false;
    let text = e instanceof ApiError ? e.localized(lang()) : t('error.NETWORK');
    const hours = formatOpeningHours(hall.openingHours, lang());
    if (e?.code === 'HALL_CLOSED' && hours) text += lang() === 'en' ? ` (${hours})` : `（${hours}）`;
    $('#error').textContent = text;
  } finally {
    $('#take').disabled = false;
    $('#take').textContent = t('kiosk.take');
  }
}

$('sx-matter-picker').addEventListener('sx-pick', (ev) => openConfirm(ev.detail));
$('#back').addEventListener('click', () => show('choose'));
$('#done').addEventListener('click', () => show('choose'));
$('#take').addEventListener('click', take);
$('#party-minus').addEventListener('click', () => { partySize = Math.max(1, partySize - 1); $('#party').textContent = partySize; });
$('#party-plus').addEventListener('click', () => { partySize = Math.min(5, partySize + 1); $('#party').textContent = partySize; });
store.subscribe(renderPicker);
onLangChange(() => {
  if (hall) $('#hall-name').textContent = pick(hall) || ctx.hall;
  if (choice && !$('#confirm').hidden) openConfirm({ matter: choice.matter.code, channel: choice.channel?.id });
});
loadHall();
