import { SxElement } from '../sx-element.js';
import { t, pick, formatWait } from '../i18n.js';
import { esc } from '../dom.js';

/** Groups matters by category, keeping the order in which categories first appear. */
export function byCategory(matters) {
  const groups = new Map();
  for (const m of matters) {
    const key = m.category ?? 'OTHER';
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(m);
  }
  return groups;
}

/** The server's category name (categoryName / categoryNameEn) if it sends one, else ours. */
function categoryName(code, sample) {
  const fromServer = pick({ name: sample?.categoryName, nameEn: sample?.categoryNameEn });
  if (fromServer) return fromServer;
  const key = `category.${code}`;
  const text = t(key);
  return text === key ? code : text;
}

/**
 * <sx-matter-picker>: data = {matters, live: Map code -> live matter, greenChannels}.
 * Fires `sx-pick` with detail {matter, channel?}.
 */
export class SxMatterPicker extends SxElement {
  connectedCallback() {
    super.connectedCallback();
    this.addEventListener('click', (ev) => {
      const tab = ev.target.closest('button[data-category]');
      if (tab) {
        this.selected = tab.dataset.category;
        this.update();
        this.scrollIntoView?.({ block: 'start' });
        return;
      }
      const button = ev.target.closest('button[data-matter]');
      if (!button || button.disabled) return;
      this.dispatchEvent(new CustomEvent('sx-pick', {
        bubbles: true,
        detail: { matter: button.dataset.matter, channel: button.dataset.channel || null }
      }));
    });
  }

  render(data) {
    if (!data) return `<p class="sx-empty">${t('kiosk.loading')}</p>`;
    const live = data.live ?? new Map();
    const badges = (m) => {
      const flags = m.flags ?? [];
      return (flags.includes('CROSS_REGION') ? `<span class="sx-badge sx-cross">${t('window.crossRegion')}</span>` : '')
        + (flags.includes('ZERO_MATERIAL') ? `<span class="sx-badge sx-green">${t('kiosk.zeroMaterial')}</span>` : '');
    };
    const button = (m, channel = null) => {
      const l = live.get(m.code) ?? {};
      const open = l.open !== false;
      return `<button type="button" class="sx-matter" data-matter="${esc(m.code)}" data-channel="${esc(channel?.id ?? '')}" ${open ? '' : 'disabled'}>
        <span class="sx-matter-name">${esc(pick(m))}${badges(m)}</span>
        <span class="sx-matter-meta">${open
          ? `${esc(t('common.people', { n: l.waiting ?? '—' }))} · ${esc(formatWait(l.estimatedWaitSeconds))}`
          : esc(t('kiosk.closedMatter'))}</span>
      </button>`;
    };
    const channels = (data.greenChannels ?? []).filter((c) => c.activeToday);
    const matterByCode = new Map(data.matters.map((m) => [m.code, m]));
    const channelBlock = channels.map((c) => `<section class="sx-category sx-green-block">
        <h2><span class="sx-badge sx-green">${t('kiosk.greenChannel')}</span> ${esc(pick(c))}</h2>
        <p class="sx-hint">${typeof c.proof === 'string' && c.proof ? esc(t('kiosk.proofNeeded', { proof: pick(c, 'proof') })) : t('kiosk.greenChannelHint')}</p>
        <div class="sx-matter-grid">${(c.matters ?? []).map((code) => matterByCode.get(code)).filter(Boolean).map((m) => button(m, c)).join('')}</div>
      </section>`).join('');
    const groups = [...byCategory(data.matters)];
    // Many matters: one category at a time behind tabs, so nobody scrolls through fifty buttons.
    const tabbed = data.matters.length > 12 && groups.length > 1;
    if (tabbed && !groups.some(([cat]) => cat === this.selected)) this.selected = groups[0][0];
    const tabs = tabbed ? `<nav class="sx-cat-tabs">${groups.map(([cat, list]) => `<button type="button" data-category="${esc(cat)}"
        class="${cat === this.selected ? 'sx-current-tab' : 'sx-secondary'}">${esc(categoryName(cat, list[0]))}</button>`).join('')}</nav>` : '';
    const shown = tabbed ? groups.filter(([cat]) => cat === this.selected) : groups;
    const categories = shown.map(([cat, list]) => `<section class="sx-category">
        <h2>${esc(categoryName(cat, list[0]))}</h2>
        <div class="sx-matter-grid">${list.map((m) => button(m)).join('')}</div>
      </section>`).join('');
    return channelBlock + tabs + categories;
  }
}
customElements.define('sx-matter-picker', SxMatterPicker);
