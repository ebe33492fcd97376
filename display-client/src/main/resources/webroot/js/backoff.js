// Full-jitter exponential backoff: a random delay in [0, min(cap, base * 2^attempt)).
// Spreads the reconnects of a whole hall's screens after a server restart.

export function backoffDelay(attempt, { baseMs = 500, capMs = 60000, random = Math.random } = {}) {
  const n = Math.max(0, Math.trunc(attempt));
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.min(n, 30));
  return Math.floor(random() * ceiling);
}

export class Backoff {
  constructor(options = {}) {
    this.options = options;
    this.attempt = 0;
  }

  next() {
    return backoffDelay(this.attempt++, this.options);
  }

  reset() {
    this.attempt = 0;
  }
}
