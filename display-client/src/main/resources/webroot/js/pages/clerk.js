// Clerk console (窗口工作台): sign in at a window, call, recall, start, finish, no-show, transfer,
// park, pause. Every action is POST /api/v1/halls/{hall}/windows/{w}/{action}; the screen follows
// the staff live feed, so what the clerk sees is what the hall sees.

import '../elements/sx-connection-state.js';
import '../elements/sx-lang-switch.js';
import { startPage, wireDialogCancel, confirmed } from '../page.js';
import { lang, pick, t, onLangChange, formatWait, formatClock } from '../i18n.js';
import { translateStatic } from '../translate.js';
import { seg, ApiError } from '../api.js';
import { staffStart, logout, isAuthError } from '../staff-page.js';
import { ACTIONS, enabledActions, actionForKey, finishBody } from '../clerk-actions.js';
import { esc, $ } from '../dom.js';

const ctx = startPage();
translateStatic();
wireDialogCancel();
$('#logout').addEventListener('click', logout);

const { session, api, store } = await staffStart(ctx);
$('#who').textContent = `${session.name ?? ''} ${session.staffNo ?? ''}`;

let windowId = ctx.window ?? sessionStorage.getItem('sx.window');
let lastRule = '';
let view = null; // GET .../windows/{w}: waiting tickets and parked ones, for this window only
let viewTimer = null;
let viewFetchedAt = 0;

const currentWindow = () => store.state.windows.find((w) => String(w.id) === String(windowId)) ?? null;
const windowPath = () => `/api/v1/halls/${seg(ctx.hall)}/windows/${seg(windowId)}`;
const path = (action) => `${windowPath()}/${action}`;

function say(text, kind = '') {
  const el = $('#message');
  el.hidden = !text;
  el.className = `sx-message ${kind}`;
  el.textContent = text ?? '';
}

function renderWindowChoice(state) {
  const select = $('#window');
  const options = state.windows.map((w) => `<option value="${esc(w.id)}" ${String(w.id) === String(windowId) ? 'selected' : ''}>${esc(pick(w) || w.id)}</option>`).join('');
  if (select.dataset.options !== options) {
    select.innerHTML = `<option value=""></option>${options}`;
    select.dataset.options = options;
  }
}

// Buttons are built once per language and then only enabled or disabled: replacing them on
// every feed event would swallow a click that lands while the list is being redrawn.
let buttonsLang = null;

function renderButtons(w) {
  const box = $('#buttons');
  if (buttonsLang !== lang()) {
    buttonsLang = lang();
    box.innerHTML = ACTIONS.map((a) => `<button type="button" data-action="${a.id}" class="${a.primary ? 'sx-primary' : ''}">
        ${esc(t(a.label))}${a.key ? `<kbd>${a.key.toUpperCase()}</kbd>` : ''}</button>`).join('');
  }
  const enabled = enabledActions(windowId ? w?.state : 'NONE');
  for (const b of box.querySelectorAll('button[data-action]')) b.disabled = !enabled.has(b.dataset.action);
}

function clockOf(instant) {
  const d = new Date(instant);
  return Number.isNaN(d.getTime()) ? '' : formatClock(d);
}

function ticketRow(tk) {
  const matter = pick({ name: tk.matterName, nameEn: tk.matterNameEn }) || tk.matter;
  const green = tk.greenChannel ? `<span class="sx-badge sx-green">${t('window.greenChannel')}</span>` : '';
  return `<tr><td class="sx-num"><b>${esc(tk.number)}</b>${green}</td><td>${esc(matter)}</td>
    <td class="sx-num">${esc(clockOf(tk.issuedAt))}</td></tr>`;
}

function renderWaiting(state, w) {
  if (view && String(view.id) === String(windowId)) {
    const waiting = view.waiting ?? [];
    $('#waiting').innerHTML = waiting.map(ticketRow).join('')
      + (view.waitingCount > waiting.length ? `<tr><td colspan="3" class="sx-hint">… ${esc(t('common.people', { n: view.waitingCount }))}</td></tr>` : '')
      || `<tr><td class="sx-empty">${t('clerk.nobodyWaiting')}</td></tr>`;
    const parked = view.parked ?? [];
    $('#parked').innerHTML = parked.map((p) => `<li>${esc(p.number)} · ${esc(pick({ name: p.matterName, nameEn: p.matterNameEn }) || p.matter)}</li>`).join('');
    $('#parked-tickets').innerHTML = parked.map((p) => `<option value="${esc(p.id)}">${esc(p.number)}</option>`).join('');
    return;
  }
  // Until the window view arrives: waiting counts of the matters this window serves.
  const serves = new Set(w?.matters ?? []);
  $('#waiting').innerHTML = state.matters.filter((m) => serves.has(m.code)).map((m) => `<tr><td>${esc(pick(m))}</td>
      <td class="sx-num">${esc(t('common.people', { n: m.waiting ?? 0 }))}</td>
      <td class="sx-num">${esc(formatWait(m.estimatedWaitSeconds))}</td></tr>`).join('')
    || `<tr><td class="sx-empty">${t('clerk.nobodyWaiting')}</td></tr>`;
}

/** Refreshes the window view soon, at most every 2 s however busy the feed is. */
function refreshView() {
  if (!windowId || viewTimer) return;
  viewTimer = setTimeout(async () => {
    viewTimer = null;
    viewFetchedAt = Date.now();
    try {
      view = await api.get(windowPath());
      render(store.state);
    } catch (e) {
      if (isAuthError(e)) logout();
    }
  }, Math.max(0, viewFetchedAt + 2000 - Date.now()));
}

function render(state) {
  renderWindowChoice(state);
  const w = currentWindow();
  $('#current').textContent = w?.current?.number ?? '—';
  $('#current-state').textContent = w ? t(`window.state.${w.state}`) + (w.pausedReason ? ` · ${w.pausedReason}` : '') : '';
  $('#rule').textContent = lastRule ? t('clerk.rule', { rule: lastRule }) : '';
  renderButtons(w);
  renderWaiting(state, w);
}

/** Why the engine picked this ticket, as call-next explains it (ruleText / ruleTextEn). */
function ruleText(result) {
  return (lang() === 'en' ? result.ruleTextEn : result.ruleText) ?? result.ruleText ?? result.rule ?? '';
}

async function post(action, body = {}) {
  if (!windowId) return;
  try {
    const result = await api.post(path(action), body);
    if (action === 'call-next') {
      if (result === null) say(t('clerk.nobodyWaiting'));
      else {
        lastRule = ruleText(result);
        say(`${result.ticket?.number ?? ''} ${t('window.state.CALLING')}`, 'sx-ok');
      }
    } else {
      if (action === 'finish' || action === 'no-show' || action === 'transfer') lastRule = '';
      say(t('clerk.done', { action: t(ACTIONS.find((a) => a.id === action).label) }), 'sx-ok');
    }
    render(store.state);
  } catch (e) {
    if (isAuthError(e)) logout();
    say(e instanceof ApiError ? e.localized(lang()) : String(e), 'sx-error');
  }
}

/** Opens a dialog and resolves with its form when confirmed, or null. */
function ask(id, prepare, validate) {
  const dialog = $(`#${id}`);
  const form = dialog.querySelector('form');
  form.reset();
  prepare?.(form);
  // Esc keeps the previous returnValue; start clean so it never reads as a confirmation.
  dialog.returnValue = '';
  dialog.showModal();
  return confirmed(dialog, form, validate);
}

const FORMS = {
  async finish() {
    const dialog = $('#finish-dialog');
    const sync = (form) => {
      for (const label of dialog.querySelectorAll('[data-for]')) label.hidden = label.dataset.for !== form.outcome.value;
    };
    const fields = (form) => Object.fromEntries(new FormData(form));
    dialog.querySelector('select[name=outcome]').onchange = (ev) => sync(ev.target.form);
    const form = await ask('finish-dialog', sync, (f) => (finishBody(fields(f)) ? null : t('error.BAD_FIELD')));
    return form ? finishBody(fields(form)) : null;
  },
  async transfer() {
    const w = currentWindow();
    const form = await ask('transfer-dialog', (f) => {
      f.matter.innerHTML = `<option value=""></option>${store.state.matters.map((m) => `<option value="${esc(m.code)}">${esc(pick(m))}</option>`).join('')}`;
      f.window.innerHTML = `<option value=""></option>${store.state.windows.filter((x) => x !== w).map((x) => `<option value="${esc(x.id)}">${esc(pick(x))}</option>`).join('')}`;
    });
    if (!form) return null;
    if (form.matter.value) return { matter: form.matter.value };
    if (form.window.value) return { window: form.window.value };
    return null;
  },
  async pause() {
    const form = await ask('pause-dialog');
    return form ? { reason: form.reason.value.trim() } : null;
  },
  async 'resume-parked'() {
    const form = await ask('resume-dialog');
    return form && form.ticket.value.trim() ? { ticket: form.ticket.value.trim() } : null;
  }
};

async function run(action) {
  const needsForm = FORMS[action];
  const body = needsForm ? await needsForm() : {};
  if (body === null) return;
  await post(action, body);
}

$('#buttons').addEventListener('click', (ev) => {
  const button = ev.target.closest('button[data-action]');
  if (button && !button.disabled) run(button.dataset.action);
});

document.addEventListener('keydown', (ev) => {
  if (ev.ctrlKey || ev.metaKey || ev.altKey || ev.repeat) return;
  if (ev.target.closest?.('input, textarea, select, dialog')) return;
  const action = actionForKey(ev.key, currentWindow()?.state);
  if (action) {
    ev.preventDefault();
    run(action);
  }
});

$('#window').addEventListener('change', (ev) => {
  windowId = ev.target.value || null;
  if (windowId) sessionStorage.setItem('sx.window', windowId);
  lastRule = '';
  view = null;
  render(store.state);
  refreshView();
});

store.onMessage((msg) => {
  // Any event touching a matter or window may change who waits for this window.
  if (msg.type === 'snapshot' || typeof msg.seq === 'number') refreshView();
});
store.subscribe((state) => {
  $('#hall-name').textContent = pick({ name: state.hallName, nameEn: state.hallNameEn }) || ctx.hall;
  render(state);
});
onLangChange(() => render(store.state));
