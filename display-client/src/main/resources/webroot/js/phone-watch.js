// When the phone page should alert its owner: once when the turn is near (3 or fewer ahead),
// and whenever the ticket is called (or called again). Pure.

export const NEAR_AHEAD = 3;
export const FINAL_STATUSES = new Set(['FINISHED', 'NO_SHOW', 'CANCELLED', 'EXPIRED']);

const isNear = (t) => t?.status === 'WAITING' && typeof t.ahead === 'number' && t.ahead <= NEAR_AHEAD;

/**
 * Alerts due when the ticket status goes from prev to next. The first status (prev null) never
 * alerts: the person is looking at the page already, and browsers refuse to vibrate before a tap.
 */
export function ticketAlerts(prev, next) {
  const alerts = [];
  if (!prev || !next) return alerts;
  if (isNear(next) && !isNear(prev)) alerts.push('near');
  if (next.status === 'CALLED' && (prev?.status !== 'CALLED' || String(prev?.window) !== String(next.window))) alerts.push('called');
  return alerts;
}

/** True when a public live message is about this ticket and means it was called or recalled. */
export function isCallFor(msg, ticketId, number) {
  if (msg?.type !== 'ticket.called' && msg?.type !== 'ticket.recalled') return false;
  return msg.ticket === ticketId || (!msg.ticket && number && msg.number === number);
}
