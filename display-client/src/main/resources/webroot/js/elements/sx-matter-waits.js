import { SxElement } from '../sx-element.js';
import { t, pick, formatWait } from '../i18n.js';
import { esc } from '../dom.js';

const PAGE_MS = 8000;

/**
 * <sx-matter-waits>: data = {matters}; waiting count and estimated wait per matter. A city hall
 * has 50+ matters: when they do not fit, the element shows them a page at a time, turning every
 * few seconds, with "2/4" in its corner.
 */
export class SxMatterWaits extends SxElement {
  connectedCallback() {
    this.page = 0;
    super.connectedCallback();
    this.timer = setInterval(() => this.turn(), PAGE_MS);
    this.onResize = () => this.paginate();
    globalThis.addEventListener('resize', this.onResize);
    // Fonts and the grid settle after the first render: measure again when the box changes.
    this.resizeObserver = globalThis.ResizeObserver ? new ResizeObserver(this.onResize) : null;
    this.resizeObserver?.observe(this);
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    clearInterval(this.timer);
    globalThis.removeEventListener('resize', this.onResize);
    this.resizeObserver?.disconnect();
  }

  render(data) {
    // Matters with people waiting first (otherwise in the hall's order): that is what people look for.
    const all = data?.matters ?? [];
    const matters = [...all.filter((m) => (m.waiting ?? 0) > 0), ...all.filter((m) => !((m.waiting ?? 0) > 0))];
    this.classList.toggle('sx-compact', all.length > 20);
    return `<ul class="sx-waits">${matters.map((m) => `
      <li class="${m.open === false ? 'sx-closed' : ''}">
        <span class="sx-wait-name">${esc(pick(m))}</span>
        <span class="sx-wait-count"><b>${esc(m.waiting ?? 0)}</b><small>${t('screen.waitingCount')}</small></span>
        <span class="sx-wait-time">${m.open === false ? t('screen.closed') : esc(formatWait(m.estimatedWaitSeconds))}</span>
      </li>`).join('')}</ul><span class="sx-waits-page" aria-hidden="true"></span>`;
  }

  redraw() {
    super.redraw();
    this.paginate();
  }

  /** How many tiles fit: everything before the first tile that crosses the bottom edge. */
  paginate() {
    const items = Array.from(this.querySelectorAll('.sx-waits > li'));
    for (const li of items) li.hidden = false;
    const limit = this.clientHeight;
    const overflowAt = items.findIndex((li) => li.offsetTop + li.offsetHeight > limit + 1);
    this.perPage = limit > 0 && overflowAt > 0 ? overflowAt : items.length;
    this.pages = Math.max(1, Math.ceil(items.length / Math.max(1, this.perPage)));
    if (this.page >= this.pages) this.page = 0;
    this.show();
  }

  turn() {
    if (!this.pages || this.pages < 2) return;
    this.page += 1;
    this.paginate(); // measures again (no paint in between) and wraps to the first page
  }

  show() {
    const items = Array.from(this.querySelectorAll('.sx-waits > li'));
    const from = this.page * this.perPage;
    items.forEach((li, i) => {
      li.hidden = i < from || i >= from + this.perPage;
    });
    const marker = this.querySelector('.sx-waits-page');
    if (marker) marker.textContent = this.pages > 1 ? `${this.page + 1}/${this.pages}` : '';
  }
}
customElements.define('sx-matter-waits', SxMatterWaits);
