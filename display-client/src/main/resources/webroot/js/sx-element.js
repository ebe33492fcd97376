// Base for the sx- custom elements: light DOM (so page CSS lays them out), re-render on
// data changes and on a language switch.

import { onLangChange } from './i18n.js';
import { deferWhilePressed } from './dom.js';

export class SxElement extends HTMLElement {
  connectedCallback() {
    this.offLang = onLangChange(() => this.update());
    this.whenReleased = deferWhilePressed(this);
    this.update();
  }

  disconnectedCallback() {
    this.offLang?.();
    this.whenReleased?.stop();
    this.whenReleased = null;
  }

  attributeChangedCallback() {
    if (this.isConnected) this.update();
  }

  /** Sets data and re-renders: el.data = {...}. */
  set data(value) {
    this._data = value;
    if (this.isConnected) this.update();
  }

  get data() {
    return this._data;
  }

  update() {
    if (this.whenReleased) this.whenReleased(() => this.redraw());
    else this.redraw();
  }

  redraw() {
    const html = this.render(this._data);
    // Unchanged markup is left alone, so animations (the newest call's pulse) are not restarted
    // by unrelated feed events and focus inside the element survives.
    if (html === this._html) return;
    this._html = html;
    this.innerHTML = html;
  }

  render() {
    return '';
  }
}
