import { SxElement } from '../sx-element.js';
import { redactIds } from '../i18n.js';
import { esc } from '../dom.js';

/** <sx-notice-line>: data = notice text; scrolls when long; ID numbers never shown in clear. */
export class SxNoticeLine extends SxElement {
  render(text) {
    const notice = redactIds(text ?? '');
    this.hidden = notice === '';
    return `<div class="sx-notice-track"><span>${esc(notice)}</span></div>`;
  }
}
customElements.define('sx-notice-line', SxNoticeLine);
