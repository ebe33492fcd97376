// Staff session (clerk, guide, supervisor): kept in sessionStorage so closing the browser logs out.

const KEY = 'sx.session';

export function loadSession(storage = globalThis.sessionStorage) {
  try {
    const s = JSON.parse(storage?.getItem(KEY) ?? 'null');
    return s && typeof s.token === 'string' ? s : null;
  } catch {
    return null;
  }
}

export function saveSession(session, storage = globalThis.sessionStorage) {
  storage?.setItem(KEY, JSON.stringify(session));
}

export function clearSession(storage = globalThis.sessionStorage) {
  storage?.removeItem(KEY);
}
