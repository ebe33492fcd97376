import { SxElement } from '../sx-element.js';
import { t, pick } from '../i18n.js';
import { esc } from '../dom.js';
import { windowBadges } from './sx-recent-calls.js';

/** <sx-now-calling>: data = {calls: selectNowCalling(state), highlight: seq of the newest live call}. */
export class SxNowCalling extends SxElement {
  redraw() {
    super.redraw();
    // Shrink window names that do not fit, down to 40% of their size, before ellipsis cuts in.
    for (const el of this.querySelectorAll('.sx-call-window')) {
      el.style.fontSize = '';
      const base = parseFloat(getComputedStyle(el).fontSize);
      let size = base;
      while (el.scrollWidth > el.clientWidth && size > base * 0.4) {
        size *= 0.9;
        el.style.fontSize = `${size}px`;
      }
    }
  }

  render(data) {
    const calls = data?.calls ?? [];
    if (calls.length === 0) return `<p class="sx-empty">${t('screen.noCalls')}</p>`;
    return `<ol class="sx-calls">${calls.map((c, i) => {
      const newest = i === 0 && (data.highlight == null || c.seq === data.highlight);
      const windowName = pick({ name: c.windowName, nameEn: c.windowNameEn }) || t('window.numbered', { id: c.window });
      return `<li class="sx-call${newest ? ' sx-newest' : ''}">
        <span class="sx-call-number">${esc(c.number)}</span>
        <span class="sx-call-arrow" aria-hidden="true">→</span>
        <span class="sx-call-window">${esc(windowName)}${windowBadges(c)}</span>
        ${c.recall ? `<span class="sx-tag">${t('call.recall')}</span>` : ''}
      </li>`;
    }).join('')}</ol>`;
  }
}
customElements.define('sx-now-calling', SxNowCalling);

