import { SxElement } from '../sx-element.js';
import { formatClock, formatDate } from '../i18n.js';
import { esc } from '../dom.js';

/** <sx-clock>: Beijing time and date, updated every second. */
export class SxClock extends SxElement {
  connectedCallback() {
    super.connectedCallback();
    this.timer = setInterval(() => this.update(), 1000);
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    clearInterval(this.timer);
  }

  render() {
    const now = new Date();
    return `<span class="sx-clock-time">${esc(formatClock(now))}</span><span class="sx-clock-date">${esc(formatDate(now))}</span>`;
  }
}
customElements.define('sx-clock', SxClock);
