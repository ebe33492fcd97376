// What every page does first: language from ?lang / localStorage, the <html lang>, and a helper
// to show the live connection state.

import { initLang, lang, onLangChange } from './i18n.js';
import { pageContext } from './page-context.js';

export function startPage() {
  initLang({ search: location.search, storage: globalThis.localStorage });
  const setHtmlLang = () => { document.documentElement.lang = lang() === 'zh' ? 'zh-CN' : 'en'; };
  setHtmlLang();
  onLangChange(setHtmlLang);
  return pageContext(location.pathname, location.search);
}

/** Mirrors a HallStore's connection onto every <sx-connection-state> of the page. */
export function showConnection(store) {
  const paint = () => {
    // Lets page CSS dim data that may be stale while the feed is down.
    document.body.dataset.conn = store.connection;
    for (const el of document.querySelectorAll('sx-connection-state')) {
      el.setAttribute('state', store.connection);
      if (store.closeDetail?.code) el.setAttribute('code', String(store.closeDetail.code));
    }
  };
  store.subscribe(paint);
}

/** For pages without a socket: reflect the last REST outcome as the connection state. */
export function showRestState(state) {
  document.body.dataset.conn = state;
  for (const el of document.querySelectorAll('sx-connection-state')) el.setAttribute('state', state);
}

/**
 * Cancel buttons in dialogs are type="button" (so Enter in a field confirms, never cancels);
 * any button with data-close closes its dialog with returnValue "cancel".
 */
export function wireDialogCancel(root = document) {
  root.addEventListener('click', (ev) => {
    const button = ev.target.closest?.('dialog button[data-close]');
    if (button) button.closest('dialog').close('cancel');
  });
}

/**
 * Resolves with the form when the dialog is confirmed (its "ok" button, or Enter), null when it
 * is cancelled or closed. Listens to submit, which is synchronous, rather than only to close,
 * which Chromium does not deliver while the page is in the background. `validate(form)` returns
 * a message to keep the dialog open with that message shown in its .sx-error line, or null.
 */
export function confirmed(dialog, form, validate = () => null) {
  const problem = dialog.querySelector('.sx-error');
  if (problem) problem.hidden = true;
  return new Promise((resolve) => {
    const done = (result) => {
      form.removeEventListener('submit', onSubmit);
      dialog.removeEventListener('close', onClose);
      resolve(result);
    };
    const onSubmit = (ev) => {
      if (ev.submitter?.value !== 'ok') return done(null);
      const message = validate(form);
      if (message) {
        ev.preventDefault(); // stays open
        if (problem) {
          problem.hidden = false;
          problem.textContent = message;
        }
        return undefined;
      }
      return done(form);
    };
    // A close queued by an earlier use of the same dialog may arrive after it was opened again.
    const onClose = () => {
      if (!dialog.open) done(dialog.returnValue === 'ok' ? form : null);
    };
    form.addEventListener('submit', onSubmit);
    dialog.addEventListener('close', onClose);
  });
}
