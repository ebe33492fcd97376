// Window screen (窗口屏): the window's name, the number it serves, the masked clerk, pauses.
// Silent by default (the hall screen speaks); ?voice=auto makes it speak its own calls.

import '../elements/sx-connection-state.js';
import '../elements/sx-lang-switch.js';
import '../elements/sx-clock.js';
import '../elements/sx-window-status.js';
import { startPage, showConnection } from '../page.js';
import { lang, pick } from '../i18n.js';
import { HallStore } from '../hall-store.js';
import { Announcer } from '../announcer.js';
import { settingsFromQuery } from '../call-phrase.js';
import { $ } from '../dom.js';

const ctx = startPage();
const settings = settingsFromQuery(location.search, { voice: 'off' });
const announcer = settings.voice === 'off' ? null : new Announcer(settings);
const store = new HallStore({ hall: ctx.hall, lang }).start();
showConnection(store);

store.subscribe((state, prev) => {
  $('#hall-name').textContent = pick({ name: state.hallName, nameEn: state.hallNameEn }) || ctx.hall;
  const w = state.windows.find((x) => String(x.id) === String(ctx.window)) ?? null;
  $('sx-window-status').data = state.seq === null ? undefined : w;
  const call = state.lastCall;
  if (announcer && prev && call && call !== prev.lastCall && call.window === String(ctx.window) && store.isFresh(call)) {
    announcer.announce(call);
  }
});
