// Static page text: elements with data-t="key" get the string in the current language.

import { t, onLangChange } from './i18n.js';

export function translateStatic(root = document) {
  const apply = () => {
    for (const el of root.querySelectorAll('[data-t]')) el.textContent = t(el.dataset.t);
    for (const el of root.querySelectorAll('[data-t-placeholder]')) el.placeholder = t(el.dataset.tPlaceholder);
  };
  apply();
  onLangChange(apply);
}
