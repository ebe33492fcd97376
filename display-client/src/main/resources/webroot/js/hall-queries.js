// Small questions the consoles ask of a hall state: which windows serve a matter, how a ticket
// id is formed, which matters wait longest. Pure.

/** Ticket ids are "<business day without dashes>-<number>", e.g. 2026-11-27 + A001 -> 20261127-A001. */
export function ticketIdFor(businessDay, number) {
  const day = String(businessDay ?? '').replaceAll('-', '');
  const n = String(number ?? '').trim().toUpperCase();
  if (!/^\d{8}$/.test(day) || !/^[A-Z0-9]+$/.test(n)) return null;
  return `${day}-${n}`;
}

const SERVING_STATES = new Set(['IDLE', 'CALLING', 'SERVING', 'PAUSED']);

/** Windows that list the matter; open (staffed, not closed) ones first. */
export function windowsServing(windows, matterCode) {
  return windows
    .filter((w) => (w.matters ?? []).includes(matterCode))
    .sort((a, b) => Number(!SERVING_STATES.has(a.state)) - Number(!SERVING_STATES.has(b.state)));
}

/** Matters by estimated wait, longest first; closed matters last. */
export function longestWaits(matters) {
  return matters.slice().sort((a, b) => {
    if ((a.open === false) !== (b.open === false)) return a.open === false ? 1 : -1;
    return (b.estimatedWaitSeconds ?? 0) - (a.estimatedWaitSeconds ?? 0) || (b.waiting ?? 0) - (a.waiting ?? 0);
  });
}

/** Counts windows per state, for the supervisor's header line. */
export function windowStateCounts(windows) {
  const counts = {};
  for (const w of windows) counts[w.state] = (counts[w.state] ?? 0) + 1;
  return counts;
}
