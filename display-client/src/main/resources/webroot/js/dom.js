// Tiny helpers for rendering with template strings: everything from the server is escaped.

const ESCAPES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function esc(value) {
  return String(value ?? '').replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

export function $(selector, root = document) {
  return root.querySelector(selector);
}

export function $$(selector, root = document) {
  return Array.from(root.querySelectorAll(selector));
}

/**
 * Live data redraws lists all the time; a redraw between a finger going down and coming up
 * replaces the button under it and the tap is lost. Returns `run(fn)`: runs fn now, or once the
 * press inside `el` is over (after the click has been dispatched). `stop()` removes the listeners.
 */
export function deferWhilePressed(el) {
  let holding = false;
  let pending = null;
  const press = () => {
    holding = true;
  };
  const release = () => {
    if (!holding) return;
    holding = false;
    setTimeout(() => {
      const fn = pending;
      pending = null;
      fn?.();
    }, 0);
  };
  el.addEventListener('pointerdown', press);
  globalThis.addEventListener('pointerup', release, true);
  globalThis.addEventListener('pointercancel', release, true);
  const run = (fn) => {
    if (holding) pending = fn;
    else fn();
  };
  run.stop = () => {
    el.removeEventListener('pointerdown', press);
    globalThis.removeEventListener('pointerup', release, true);
    globalThis.removeEventListener('pointercancel', release, true);
  };
  return run;
}
