import { SxElement } from '../sx-element.js';
import { t } from '../i18n.js';
import { esc } from '../dom.js';

/** <sx-connection-state state="open|connecting|reconnecting|closed" code="4401"> */
export class SxConnectionState extends SxElement {
  static observedAttributes = ['state', 'code'];

  render() {
    const state = this.getAttribute('state') ?? 'connecting';
    const code = this.getAttribute('code');
    const text = state === 'closed' && code === '4401' ? t('conn.unauthorised') : t(`conn.${state}`);
    this.dataset.state = state;
    this.setAttribute('role', 'status');
    return `<span class="sx-dot" aria-hidden="true"></span><span class="sx-conn-text">${esc(text)}</span>`;
  }
}
customElements.define('sx-connection-state', SxConnectionState);
