import { SxElement } from '../sx-element.js';
import { t, pick, formatWait } from '../i18n.js';
import { esc } from '../dom.js';

/** <sx-matter-waits>: data = {matters}; waiting count and estimated wait per matter. */
export class SxMatterWaits extends SxElement {
  render(data) {
    const matters = data?.matters ?? [];
    return `<ul class="sx-waits">${matters.map((m) => `
      <li class="${m.open === false ? 'sx-closed' : ''}">
        <span class="sx-wait-name">${esc(pick(m))}</span>
        <span class="sx-wait-count"><b>${esc(m.waiting ?? 0)}</b><small>${t('screen.waitingCount')}</small></span>
        <span class="sx-wait-time">${m.open === false ? t('screen.closed') : esc(formatWait(m.estimatedWaitSeconds))}</span>
      </li>`).join('')}</ul>`;
  }
}
customElements.define('sx-matter-waits', SxMatterWaits);
