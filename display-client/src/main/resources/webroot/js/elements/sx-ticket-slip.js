import { SxElement } from '../sx-element.js';
import { t, pick, formatWait } from '../i18n.js';
import { esc } from '../dom.js';
import './sx-qr-code.js';

/** A phone needs a full URL: a relative followUrl is resolved against the kiosk's origin. */
function absolute(url) {
  try {
    return new URL(url, location.origin).href;
  } catch {
    return url;
  }
}

/** <sx-ticket-slip>: data = {ticket (201 body of POST tickets), matter}. */
export class SxTicketSlip extends SxElement {
  render(data) {
    if (!data) return '';
    const { ticket, matter } = data;
    return `<p class="sx-slip-label">${t('kiosk.yourNumber')}</p>
      <p class="sx-slip-number">${esc(ticket.number)}</p>
      <p class="sx-slip-matter">${esc(pick(matter) || ticket.matter)}</p>
      <p class="sx-slip-ahead">${esc(t('kiosk.ahead', { n: ticket.ahead ?? 0 }))}</p>
      <p class="sx-slip-wait">${esc(t('kiosk.estimatedWait', { wait: formatWait(ticket.estimatedWaitSeconds) }))}</p>
      ${ticket.followUrl ? `<figure class="sx-slip-qr"><sx-qr-code value="${esc(absolute(ticket.followUrl))}"></sx-qr-code>
        <figcaption>${t('kiosk.scan')}</figcaption></figure>` : ''}`;
  }
}
customElements.define('sx-ticket-slip', SxTicketSlip);
