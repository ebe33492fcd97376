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
    const windows = (data?.windows ?? []).filter((w) => w.state !== 'CLOSED');
    const groups = data?.groups ?? new Map();
    return `<table class="sx-recent">
      <tbody>${windows.map((w) => {
        const calls = groups.get(String(w.id)) ?? [];
        return `<tr class="sx-window-${esc(w.state?.toLowerCase())}">
          <th scope="row">${esc(pick(w) || w.id)}${windowBadges(w)}</th>
          <td class="sx-recent-numbers">${calls.map((c) => `<span>${esc(c.number)}</span>`).join('')}</td>
          <td class="sx-recent-state">${w.state === 'PAUSED' || w.state === 'UNSTAFFED' ? esc(t(`window.state.${w.state}`)) : ''}</td>
        </tr>`;
      }).join('')}</tbody>
    </table>`;
  }
}
customElements.define('sx-recent-calls', SxRecentCalls);
