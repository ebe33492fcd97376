import { SxElement } from '../sx-element.js';
import { t, lang, setLang } from '../i18n.js';

/** <sx-lang-switch>: one button, 中文 <-> English; the choice is remembered in localStorage. */
export class SxLangSwitch extends SxElement {
  connectedCallback() {
    super.connectedCallback();
    this.addEventListener('click', () => {
      setLang(lang() === 'zh' ? 'en' : 'zh', globalThis.localStorage);
      document.documentElement.lang = lang() === 'zh' ? 'zh-CN' : 'en';
    });
  }

  render() {
    return `<button type="button" class="sx-lang-button" lang="${lang() === 'zh' ? 'en' : 'zh-CN'}">${t('lang.switch')}</button>`;
  }
}
customElements.define('sx-lang-switch', SxLangSwitch);
