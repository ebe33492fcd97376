// Phone page (/t/{hall}/{ticket}?k=SECRET): the citizen's own ticket. Status from
// GET /api/v1/halls/{hall}/tickets/{id}?k=SECRET (the link's secret: ids are sequential), refreshed when the public live feed moves; a
// notification and vibration when the turn is near and when the ticket is called.

import '../elements/sx-connection-state.js';
import '../elements/sx-lang-switch.js';
import { startPage, showConnection } from '../page.js';
import { lang, pick, t, onLangChange, formatWait } from '../i18n.js';
import { translateStatic } from '../translate.js';
import { createApi, seg, ApiError } from '../api.js';
import { HallStore } from '../hall-store.js';
import { ticketAlerts, isCallFor, FINAL_STATUSES } from '../phone-watch.js';
import { $ } from '../dom.js';

const POLL_MS = 30000;
const MIN_REFRESH_MS = 2000;
const ctx = startPage();
translateStatic();
const api = createApi({ lang });
const store = new HallStore({ hall: ctx.hall, lang }).start();
showConnection(store);

const ticketQuery = ctx.key ? `?k=${encodeURIComponent(ctx.key)}` : '';
let ticket = null;
let lastFetch = 0;
let pending = null;

const windowName = (id) => {
  const w = store.state.windows.find((x) => String(x.id) === String(id));
  return (w && pick(w)) || t('window.numbered', { id });
};

function render() {
  if (!ticket) return;
  const matter = store.state.matters.find((m) => m.code === ticket.matter);
  $('#number').textContent = ticket.number ?? '—';
  $('#matter').textContent = pick(matter) || ticket.matter || '';
  const statusKey = `phone.status.${ticket.status}`;
  $('#status').textContent = t(statusKey) === statusKey ? ticket.status : t(statusKey);
  const waiting = ticket.status === 'WAITING';
  $('#waiting-info').hidden = !waiting;
  $('#ahead').textContent = ticket.ahead ?? '—';
  $('#wait').textContent = t('phone.wait', { wait: formatWait(ticket.estimatedWaitSeconds) });
  const called = ticket.status === 'CALLED' && ticket.window;
  $('#called').hidden = !called;
  $('#called').textContent = called ? t('phone.called', { window: windowName(ticket.window) }) : '';
  $('#near').hidden = !(waiting && ticket.ahead <= 3);
  const name = pick({ name: store.state.hallName, nameEn: store.state.hallNameEn });
  if (name) document.title = `${ticket.number ?? ''} · ${name}`;
}

function alert(kind) {
  navigator.vibrate?.(kind === 'called' ? [400, 150, 400, 150, 400] : [300, 100, 300]);
  const body = kind === 'called' ? t('phone.called', { window: windowName(ticket.window) }) : t('phone.near');
  if (globalThis.Notification?.permission === 'granted') {
    try {
      new Notification(`${ticket.number} · ${t('app.name')}`, { body, tag: `sx-${ctx.ticket}`, renotify: true });
    } catch {
      // Some mobile browsers only allow notifications from a service worker; the page still shows it.
    }
  }
}

async function refresh() {
  pending = null;
  lastFetch = Date.now();
  try {
    const next = await api.get(`/api/v1/halls/${seg(ctx.hall)}/tickets/${seg(ctx.ticket)}${ticketQuery}`);
    for (const kind of ticketAlerts(ticket, next)) {
      ticket = next;
      alert(kind);
    }
    ticket = next;
    $('#error').hidden = true;
    render();
  } catch (e) {
    $('#error').hidden = false;
    $('#error').textContent = e instanceof ApiError && e.status === 404 ? t('phone.notFound') : e instanceof ApiError ? e.localized(lang()) : String(e);
  }
}

/** Refreshes soon, at most every MIN_REFRESH_MS, however busy the hall feed is. */
function refreshSoon() {
  if (pending || (ticket && FINAL_STATUSES.has(ticket.status))) return;
  pending = setTimeout(refresh, Math.max(0, lastFetch + MIN_REFRESH_MS - Date.now()));
}

store.onMessage((msg) => {
  if (msg.type === 'snapshot' || typeof msg.seq === 'number') refreshSoon();
  if (ticket && isCallFor(msg, ctx.ticket, ticket.number)) {
    ticket = { ...ticket, status: 'CALLED', window: String(msg.window) };
    alert('called');
    render();
  }
});
store.subscribe(render);
onLangChange(render);
setInterval(refreshSoon, POLL_MS);

const notify = $('#notify');
notify.hidden = !globalThis.Notification || Notification.permission !== 'default';
notify.addEventListener('click', async () => {
  await Notification.requestPermission();
  notify.hidden = Notification.permission !== 'default';
});
refresh();
