import { SxElement } from '../sx-element.js';
import { t, pick, maskName } from '../i18n.js';
import { esc } from '../dom.js';
import { windowBadges } from './sx-recent-calls.js';

/** <sx-window-status>: data = a window entry of the live feed (or null if unknown). */
export class SxWindowStatus extends SxElement {
  render(w) {
    if (w === undefined) return `<p class="sx-empty">${t("common.loading")}</p>`;
    if (!w) return `<p class="sx-empty">${t("window.notFound")}</p>`;
    this.dataset.state = w.state ?? '';
    const paused = w.state === 'PAUSED';
    const closed = w.state === 'CLOSED' || w.state === 'UNSTAFFED';
    const number = w.current?.number;
    // The server already masks names; mask again so a full name can never reach a screen.
    const clerk = w.clerk ? `<p class="sx-ws-clerk">${t('window.clerk')}：${esc(maskName(w.clerk.name))}
      <span>${t('window.staffNo')} ${esc(w.clerk.staffNo ?? '')}</span></p>` : '';
    let body;
    if (paused) {
      body = `<p class="sx-ws-paused">${t('window.paused')}</p>
        ${w.pausedReason ? `<p class="sx-ws-reason">${esc(t('window.pausedReason', { reason: w.pausedReason }))}</p>` : ''}`;
    } else if (closed) {
      body = `<p class="sx-ws-paused">${esc(t(`window.state.${w.state}`))}</p>`;
    } else {
      body = `<p class="sx-ws-label">${t('window.serving')}</p>
        <p class="sx-ws-number">${esc(number ?? '—')}</p>
        <p class="sx-ws-state">${esc(t(`window.state.${w.state}`))}</p>`;
    }
    return `<h1 class="sx-ws-name">${esc(pick(w) || w.id)}${windowBadges(w)}</h1>${body}${clerk}`;
  }
}
customElements.define('sx-window-status', SxWindowStatus);
