import { SxElement } from '../sx-element.js';
import { t, pick } from '../i18n.js';
import { esc } from '../dom.js';

/** Badges for windows that need to stand out: green channel and 川渝通办. */
export function windowBadges(w) {
  return [
    w.greenChannel ? `<span class="sx-badge sx-green">${t('window.greenChannel')}</span>` : '',
    w.crossRegion ? `<span class="sx-badge sx-cross">${t('window.crossRegion')}</span>` : ''
  ].join('');
}

/** <sx-recent-calls>: data = {windows, groups: selectRecentByWindow(state)}; open windows only. */
export class SxRecentCalls extends SxElement {
  render(data) {
    const groups = data?.groups ?? new Map();
    // Closed and unstaffed windows only clutter the list, unless they called someone today.
    const windows = (data?.windows ?? [])
      .filter((w) => !['CLOSED', 'UNSTAFFED'].includes(w.state) || groups.has(String(w.id)));
    // Big halls have dozens of windows: two columns and smaller rows so all of them fit.
    const columns = windows.length > 10 ? 2 : 1;
    this.style.setProperty('--sx-columns', columns);
    this.style.setProperty('--sx-rows', Math.max(1, Math.ceil(windows.length / columns)));
    return `<ul class="sx-recent">${windows.map((w) => {
      const calls = groups.get(String(w.id)) ?? [];
      const idle = w.state === 'PAUSED' || w.state === 'UNSTAFFED';
      return `<li class="sx-window-${esc(w.state?.toLowerCase())}">
        <span class="sx-recent-window">${esc(pick(w) || w.id)}${windowBadges(w)}</span>
        <span class="sx-recent-numbers">${idle
          ? `<em>${esc(t(`window.state.${w.state}`))}</em>`
          : calls.map((c) => `<span>${esc(c.number)}</span>`).join('')}</span>
      </li>`;
    }).join('')}</ul>`;
  }
}
customElements.define('sx-recent-calls', SxRecentCalls);
