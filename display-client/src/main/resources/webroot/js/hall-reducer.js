// Applies live-feed messages (docs/live-protocol.md) to a hall state. Pure: returns a new state,
// never mutates the old one, so pages can compare before and after.

export const MAX_RECENT_CALLS = 50;
export const MAX_ALERTS = 50;

const CALL_TYPES = new Set(['ticket.called', 'ticket.recalled']);
// Staff-only side messages; they may or may not be numbered in the hall sequence.
const SIDE_TYPES = new Set(['alert', 'device.status']);

export function initialState() {
  return {
    hall: null,
    seq: null,
    businessDay: null,
    at: null,
    hallName: '',
    hallNameEn: '',
    matters: [],
    windows: [],
    recentCalls: [],
    notice: '',
    lastCall: null,
    needsResync: false,
    alerts: [],
    devices: {}
  };
}

function upsert(list, entries, key, merge) {
  if (!Array.isArray(entries) || entries.length === 0) return list;
  const next = list.slice();
  for (const entry of entries) {
    const i = next.findIndex((e) => e[key] === entry[key]);
    if (i < 0) next.push(entry);
    else next[i] = merge ? { ...next[i], ...entry } : entry;
  }
  return next;
}

function applyChanges(state, changes) {
  if (!changes) return state;
  return {
    ...state,
    // Matter changes may carry only the counters; keep the names from the snapshot.
    matters: upsert(state.matters, changes.matters, 'code', true),
    // Window changes are full entries: replace, so a cleared clerk or ticket really clears.
    windows: upsert(state.windows, changes.windows, 'id', false)
  };
}

function callFrom(msg) {
  return {
    seq: msg.seq,
    number: msg.number,
    ticket: msg.ticket,
    matter: msg.matter,
    window: String(msg.window),
    windowName: msg.windowName,
    at: msg.at,
    recall: msg.type === 'ticket.recalled' || Boolean(msg.recall)
  };
}

function fromSnapshot(state, msg) {
  return {
    ...initialState(),
    alerts: state.alerts,
    devices: state.devices,
    hall: msg.hall ?? state.hall,
    seq: msg.seq,
    businessDay: msg.businessDay ?? null,
    at: msg.at ?? null,
    hallName: msg.hallName ?? '',
    hallNameEn: msg.hallNameEn ?? '',
    matters: Array.isArray(msg.matters) ? msg.matters.slice() : [],
    windows: Array.isArray(msg.windows) ? msg.windows.slice() : [],
    recentCalls: (Array.isArray(msg.recentCalls) ? msg.recentCalls : [])
      .map((c) => ({ ...c, window: String(c.window) }))
      .sort((a, b) => (b.seq ?? 0) - (a.seq ?? 0))
      .slice(0, MAX_RECENT_CALLS),
    notice: msg.notice ?? ''
  };
}

function applySide(state, msg) {
  const seq = msg.seq === state.seq + 1 ? msg.seq : state.seq;
  if (msg.type === 'alert') {
    return { ...state, seq, alerts: [{ ...msg }, ...state.alerts].slice(0, MAX_ALERTS) };
  }
  const key = msg.deviceId ?? msg.device?.id ?? msg.device ?? 'unknown';
  return { ...state, seq, devices: { ...state.devices, [key]: { ...msg } } };
}

function applyEvent(state, msg) {
  let next = applyChanges({ ...state, seq: msg.seq, at: msg.at ?? state.at }, msg.changes);
  if (CALL_TYPES.has(msg.type)) {
    const call = callFrom(msg);
    next.recentCalls = [call, ...state.recentCalls].slice(0, MAX_RECENT_CALLS);
    next.lastCall = call;
  } else if (msg.type === 'notice.changed') {
    next.notice = msg.notice ?? '';
  } else if (msg.type === 'day.started') {
    next.recentCalls = [];
    next.lastCall = null;
    next.businessDay = msg.businessDay ?? state.businessDay;
  }
  return next;
}

/**
 * Applies one server message. A sequenced event whose seq is not the next one marks the
 * state `needsResync` and is not applied; a duplicate is ignored. The next event in order (a
 * replay after resuming with ?since) applies and clears `needsResync`; so does a snapshot, which
 * replaces everything the hall shows, including what is "now calling".
 */
export function reduceHall(state, msg) {
  if (!msg || typeof msg.type !== 'string') return state;
  if (msg.type === 'snapshot') return fromSnapshot(state, msg);
  if (SIDE_TYPES.has(msg.type)) return applySide(state, msg);
  if (typeof msg.seq !== 'number') return state;
  if (state.seq === null) return state.needsResync ? state : { ...state, needsResync: true };
  if (msg.seq <= state.seq) return state;
  if (msg.seq !== state.seq + 1) return state.needsResync ? state : { ...state, needsResync: true };
  // The next event in order, e.g. the server replaying from ?since after a resync.
  return applyEvent({ ...state, needsResync: false }, msg);
}

const ACTIVE_STATES = new Set(['CALLING', 'SERVING']);


/**
 * The calls to show large: the current ticket of each window that is calling or serving,
 * newest call first. Derived from windows, so a finished service drops off by itself.
 */
export function selectNowCalling(state, limit = 8) {
  const callAt = new Map();
  for (const c of state.recentCalls) {
    const key = `${c.window}|${c.number}`;
    if (!callAt.has(key)) callAt.set(key, c);
  }
  return state.windows
    .filter((w) => w.current && ACTIVE_STATES.has(w.state))
    .map((w) => {
      const call = callAt.get(`${w.id}|${w.current.number}`);
      return {
        window: String(w.id),
        windowName: w.name,
        windowNameEn: w.nameEn,
        greenChannel: Boolean(w.greenChannel),
        crossRegion: Boolean(w.crossRegion),
        number: w.current.number,
        matter: w.current.matter,
        seq: call?.seq ?? -1,
        at: call?.at ?? null,
        recall: call?.recall ?? false
      };
    })
    .sort((a, b) => b.seq - a.seq)
    .slice(0, limit);
}

/** Recent calls grouped by window, newest first within each window; a recalled number once. */
export function selectRecentByWindow(state, perWindow = 3) {
  const groups = new Map();
  for (const c of state.recentCalls) {
    const list = groups.get(c.window) ?? [];
    if (list.length < perWindow && !list.some((x) => x.number === c.number)) list.push(c);
    groups.set(c.window, list);
  }
  return groups;
}

export function isCall(msg) {
  return Boolean(msg) && CALL_TYPES.has(msg.type);
}

/**
 * Whether a call should be spoken. Right after (re)connecting the server may replay missed
 * events; a screen must not read out calls from minutes ago. Calls arriving more than
 * `replayWindowMs` after the socket opened are live whatever their time says (so a skewed PC
 * clock cannot silence a hall); during the replay window only calls whose time is within
 * `maxAgeMs` of the local clock are spoken. Calls without a time count as fresh.
 */
export function isFreshCall(call, { now, connectedSince = null, replayWindowMs = 3000, maxAgeMs = 60000 }) {
  if (connectedSince !== null && now - connectedSince > replayWindowMs) return true;
  const at = Date.parse(call?.at ?? '');
  if (Number.isNaN(at)) return true;
  return Math.abs(now - at) <= maxAgeMs;
}
