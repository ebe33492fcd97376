// Hall screen (综合屏): now calling, recent calls by window, waits per matter, notice, voice.

import '../elements/sx-connection-state.js';
import '../elements/sx-lang-switch.js';
import '../elements/sx-clock.js';
import '../elements/sx-now-calling.js';
import '../elements/sx-recent-calls.js';
import '../elements/sx-matter-waits.js';
import '../elements/sx-notice-line.js';
import { startPage, showConnection } from '../page.js';
import { lang, pick, onLangChange } from '../i18n.js';
import { translateStatic } from '../translate.js';
import { HallStore } from '../hall-store.js';
import { selectNowCalling, selectRecentByWindow } from '../hall-reducer.js';
import { Announcer } from '../announcer.js';
import { settingsFromQuery } from '../call-phrase.js';
import { $ } from '../dom.js';

const ctx = startPage();
translateStatic();
const announcer = new Announcer(settingsFromQuery(location.search));
const store = new HallStore({ hall: ctx.hall, lang }).start();
showConnection(store);

let highlight = null;

function render(state) {
  const name = pick({ name: state.hallName, nameEn: state.hallNameEn }) || ctx.hall;
  $('#hall-name').textContent = name;
  document.title = name;
  $('sx-now-calling').data = { calls: selectNowCalling(state), highlight };
  $('sx-recent-calls').data = { windows: state.windows, groups: selectRecentByWindow(state, 4) };
  $('sx-matter-waits').data = { matters: state.matters };
  $('sx-notice-line').data = state.notice;
}

store.subscribe((state, prev) => {
  if (prev && state.lastCall && state.lastCall !== prev.lastCall && store.isFresh(state.lastCall)) {
    highlight = state.lastCall.seq;
    announcer.announce(state.lastCall);
  }
  render(state);
});
onLangChange(() => render(store.state));

const unlock = $('#unlock');
announcer.ready.then(() => {
  unlock.hidden = !announcer.needsGesture;
});
unlock.addEventListener('click', async () => {
  await announcer.unlock();
  unlock.hidden = true;
});
