// Shared start for staff pages (clerk, desk, supervisor): login if needed, then an API client
// with the bearer token and the staff live feed. A 401 anywhere sends the user back to login.

import './elements/sx-login-form.js';
import { loadSession, clearSession } from './session.js';
import { createApi } from './api.js';
import { lang } from './i18n.js';
import { HallStore } from './hall-store.js';
import { showConnection } from './page.js';

/**
 * Resolves with {session, api, store} once a staff member is logged in.
 * The page must contain <sx-login-form> and an element #app that is hidden until login.
 */
let sessionApi = null;

export function staffStart(ctx) {
  return new Promise((resolve) => {
    const begin = (session) => {
      document.querySelector('sx-login-form').hidden = true;
      document.querySelector('#app').hidden = false;
      document.body.classList.add('sx-authed');
      const api = createApi({ token: () => session.token, lang });
      sessionApi = api;
      const store = new HallStore({ hall: ctx.hall, lang, token: () => session.token }).start();
      showConnection(store);
      store.subscribe(() => {
        if (store.connection === 'closed' && store.closeDetail?.code === 4401) logout();
      });
      resolve({ session, api, store });
    };
    const existing = loadSession();
    if (existing) begin(existing);
    else {
      document.querySelector('#app').hidden = true;
      document.querySelector('sx-login-form').addEventListener('sx-login', (ev) => begin(ev.detail), { once: true });
    }
  });
}

/** Ends the session on the server (best effort: it may be gone already) and shows the login. */
export async function logout() {
  const api = sessionApi;
  sessionApi = null;
  clearSession();
  if (api) await api.post('/api/v1/auth/logout').catch(() => {});
  location.reload();
}

/** True when an ApiError means the session is gone. */
export function isAuthError(e) {
  return e?.status === 401;
}
