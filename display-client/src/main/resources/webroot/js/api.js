// Thin fetch wrapper for the hall REST API. Failures become ApiError with a problem code and
// Chinese and English messages a citizen or clerk can act on.

import { t } from './i18n.js';
import { STRINGS } from './strings.js';

export class ApiError extends Error {
  constructor({ status, code, title = '', detail = '', retryAfter = null, problem = null }) {
    super(`${status} ${code}${detail ? `: ${detail}` : ''}`);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.title = title;
    this.detail = detail;
    this.retryAfter = retryAfter;
    this.problem = problem;
  }

  /** The message to show; known codes use our wording, others the server's text. */
  localized(language) {
    return problemMessage(this, language);
  }
}

const STATUS_CODES = { 400: 'BAD_FIELD', 401: 'UNAUTHORIZED', 403: 'FORBIDDEN', 404: 'NOT_FOUND', 429: 'RATE_LIMITED', 503: 'HALL_UNAVAILABLE', 504: 'TIMEOUT' };

// Codes a citizen meets at the kiosk or the phone, where our own wording says what to do next.
// For every other code the server's message (it sends Chinese and English) is the better text.
const OUR_WORDING_FIRST = new Set(['NETWORK', 'TIMEOUT', 'HALL_UNAVAILABLE', 'MATTER_QUOTA_REACHED', 'HALL_CLOSED']);

/**
 * The problem code: the `code` member if present, else the last segment of `type`
 * ("…/problems/matter-quota-reached" -> MATTER_QUOTA_REACHED), else one derived from the status.
 */
export function problemCode(problem, status) {
  if (problem && typeof problem.code === 'string' && problem.code) return problem.code.toUpperCase();
  const type = problem?.type;
  if (typeof type === 'string' && type && type !== 'about:blank') {
    const last = type.split(/[/#:]/).filter(Boolean).pop();
    if (last) return last.replace(/[-.\s]/g, '_').toUpperCase();
  }
  return STATUS_CODES[status] ?? 'UNKNOWN';
}

export function problemMessage(error, language) {
  const key = `error.${error.code}`;
  const ours = STRINGS.zh[key] ? t(key, { status: error.status }, language) : null;
  if (ours && OUR_WORDING_FIRST.has(error.code)) return ours;
  const p = error.problem ?? {};
  const serverText = language === 'en' ? (p.messageEn ?? p.detailEn) : (p.message ?? p.detail);
  return serverText || ours || t('error.UNKNOWN', { status: error.status }, language);
}

function retryAfterSeconds(headers) {
  const v = headers?.get?.('Retry-After');
  if (!v) return null;
  const n = Number(v);
  return Number.isFinite(n) ? n : null;
}

/**
 * @param {object} o
 * @param {string} [o.base] URL prefix, '' for the same origin
 * @param {() => string|null} [o.token] bearer token
 * @param {() => string} [o.lang] sent as Accept-Language
 * @param {typeof fetch} [o.fetch]
 * @param {number} [o.timeoutMs]
 * @param {Record<string, string>} [o.headers] sent with every request (the kiosk's X-Suixin-Kiosk)
 */
export function createApi({ base = '', token = () => null, lang = () => 'zh', fetch: fetchFn = globalThis.fetch, timeoutMs = 10000, headers: always = {} } = {}) {
  async function request(method, path, body, { key } = {}) {
    const headers = { ...always, Accept: 'application/json, application/problem+json', 'Accept-Language': lang() === 'en' ? 'en' : 'zh-CN' };
    // The server answers a repeated key with its first reply: a retried or doubled POST
    // (a double tap, a proxy retry) can never issue two tickets or call two numbers.
    if (method === 'POST') headers['Idempotency-Key'] = key ?? idempotencyKey();
    const bearer = token();
    if (bearer) headers.Authorization = `Bearer ${bearer}`;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const controller = typeof AbortController === 'function' ? new AbortController() : null;
    const timer = controller ? setTimeout(() => controller.abort(), timeoutMs) : null;
    let res;
    try {
      res = await fetchFn(`${base}${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: controller?.signal
      });
    } catch (e) {
      const aborted = e?.name === 'AbortError';
      throw new ApiError({ status: 0, code: aborted ? 'TIMEOUT' : 'NETWORK', detail: String(e?.message ?? e) });
    } finally {
      if (timer) clearTimeout(timer);
    }
    if (res.status === 204) return null;
    const text = await res.text();
    let data = null;
    if (text) {
      try {
        data = JSON.parse(text);
      } catch {
        data = null;
      }
    }
    if (!res.ok) {
      throw new ApiError({
        status: res.status,
        code: problemCode(data, res.status),
        title: data?.title ?? '',
        detail: data?.detail ?? '',
        retryAfter: retryAfterSeconds(res.headers),
        problem: data
      });
    }
    return data;
  }

  return {
    request,
    get: (path) => request('GET', path),
    /** options.key: reuse one Idempotency-Key across retries of the same intent. */
    post: (path, body = {}, options = {}) => request('POST', path, body, options)
  };
}

/** 32 hex characters; crypto.getRandomValues works on plain-http hall LANs, randomUUID does not. */
export function idempotencyKey() {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Path-segment encoding for ids that come from the page URL. */
export function seg(value) {
  return encodeURIComponent(String(value));
}
