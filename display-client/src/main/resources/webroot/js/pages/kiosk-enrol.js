// Kiosk enrolment (/halls/{hall}/kiosk/enrol): the technician enters the kiosk's device token once;
// POST /api/v1/halls/{hall}/kiosk/enrolment answers with the HttpOnly device cookie, and the page
// moves on to the plain kiosk address. The token travels in a JSON body only, never in a URL, and
// is dropped from the field as soon as it is sent.

import '../elements/sx-lang-switch.js';
import { startPage } from '../page.js';
import { lang, pick, t, onLangChange } from '../i18n.js';
import { translateStatic } from '../translate.js';
import { createApi, seg, ApiError } from '../api.js';
import { $ } from '../dom.js';

const ctx = startPage();
translateStatic();
const api = createApi({ lang, headers: { 'X-Suixin-Kiosk': '1' } });
const form = $('#enrol');
let current = null;
let hall = null;

function say(text, ok = false) {
  $('#message').hidden = !text;
  $('#message').textContent = text ?? '';
  $('#message').classList.toggle('sx-ok', ok);
  $('#message').classList.toggle('sx-error', !ok);
}

function renderCurrent() {
  $('#hall-name').textContent = (hall && pick(hall)) || ctx.hall || '';
  $('#current').textContent = current ? t('enrol.current', { name: current.name, device: current.device }) : t('enrol.none');
}

async function loadCurrent() {
  // the technician checks the hall by its name before entering a token
  hall = await api.get(`/api/v1/halls/${seg(ctx.hall)}`).catch(() => null);
  try {
    current = await api.get(`/api/v1/halls/${seg(ctx.hall)}/kiosk/enrolment`);
  } catch (e) {
    current = null;
    if (!(e instanceof ApiError) || e.status !== 401) say(e instanceof ApiError ? e.localized(lang()) : t('error.NETWORK'));
  }
  renderCurrent();
}

form.addEventListener('submit', async (ev) => {
  ev.preventDefault();
  const token = form.token.value.trim();
  form.token.value = '';
  $('#submit').disabled = true;
  $('#submit').textContent = t('enrol.working');
  try {
    const enrolled = await api.post(`/api/v1/halls/${seg(ctx.hall)}/kiosk/enrolment`, { token });
    say(t('enrol.done'), true);
    // replace, so Back does not return to the enrolment form
    location.replace(enrolled.kiosk);
  } catch (e) {
    say(e instanceof ApiError ? e.localized(lang()) : t('error.NETWORK'));
  } finally {
    $('#submit').disabled = false;
    $('#submit').textContent = t('enrol.submit');
  }
});
onLangChange(renderCurrent);
loadCurrent();
