import { SxElement } from '../sx-element.js';
import { t, lang } from '../i18n.js';
import { createApi, ApiError } from '../api.js';
import { saveSession } from '../session.js';
import { esc } from '../dom.js';

/** <sx-login-form>: POST /api/v1/auth/login; fires `sx-login` with {token, role, name, staffNo}. */
export class SxLoginForm extends SxElement {
  connectedCallback() {
    super.connectedCallback();
    this.addEventListener('submit', (ev) => {
      ev.preventDefault();
      this.login();
    });
  }

  render() {
    return `<form class="sx-card sx-login">
      <h2>${t('login.title')}</h2>
      <label>${t('login.username')}<input name="username" autocomplete="username" required value="${esc(this.username ?? '')}"></label>
      <label>${t('login.password')}<input name="password" type="password" autocomplete="current-password" required></label>
      <p class="sx-message sx-error" role="alert" ${this.error ? '' : 'hidden'}>${esc(this.error ?? '')}</p>
      <button type="submit">${t('login.submit')}</button>
    </form>`;
  }

  async login() {
    const form = this.querySelector('form');
    this.username = form.username.value.trim();
    const api = createApi({ lang });
    try {
      const session = await api.post('/api/v1/auth/login', { username: this.username, password: form.password.value });
      saveSession(session);
      this.error = null;
      this.dispatchEvent(new CustomEvent('sx-login', { bubbles: true, detail: session }));
    } catch (e) {
      this.error = e instanceof ApiError
        ? e.localized(lang())
        : t('error.NETWORK');
      if (e instanceof ApiError && e.status === 401) this.error = t('error.BAD_CREDENTIALS');
      this.update();
    }
  }
}
customElements.define('sx-login-form', SxLoginForm);
