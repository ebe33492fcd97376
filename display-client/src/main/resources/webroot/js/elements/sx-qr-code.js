import { encodeQr, qrSvgPath } from '../qr.js';
import { esc } from '../dom.js';

/** <sx-qr-code value="https://..."> renders an SVG QR code (level M) scaled to its box. */
export class SxQrCode extends HTMLElement {
  static observedAttributes = ['value'];

  connectedCallback() {
    this.update();
  }

  attributeChangedCallback() {
    if (this.isConnected) this.update();
  }

  update() {
    const value = this.getAttribute('value') ?? '';
    if (!value) {
      this.innerHTML = '';
      return;
    }
    try {
      const qr = encodeQr(value);
      const side = qr.size + 8;
      this.innerHTML = `<svg viewBox="0 0 ${side} ${side}" role="img" aria-label="${esc(value)}" shape-rendering="crispEdges">
        <rect width="${side}" height="${side}" fill="#fff"/><path d="${qrSvgPath(qr.modules)}" fill="#000"/></svg>`;
    } catch {
      this.textContent = value;
    }
  }
}
customElements.define('sx-qr-code', SxQrCode);
