// What a window clerk can do in each window state, and the keyboard shortcuts. The server has
// the last word; this only keeps impossible buttons from inviting a click.

export const ACTIONS = Object.freeze([
  { id: 'sign-in', key: null, states: ['UNSTAFFED'], label: 'clerk.signIn' },
  { id: 'call-next', key: 'n', states: ['IDLE'], label: 'clerk.callNext', primary: true },
  { id: 'recall', key: 'r', states: ['CALLING'], label: 'clerk.recall' },
  { id: 'start', key: 's', states: ['CALLING'], label: 'clerk.start' },
  { id: 'finish', key: 'f', states: ['SERVING'], label: 'clerk.finish', form: true },
  { id: 'no-show', key: 'x', states: ['CALLING'], label: 'clerk.noShow' },
  { id: 'transfer', key: 't', states: ['CALLING', 'SERVING'], label: 'clerk.transfer', form: true },
  { id: 'park', key: 'k', states: ['SERVING'], label: 'clerk.park' },
  { id: 'resume-parked', key: null, states: ['IDLE'], label: 'clerk.resumeParked', form: true },
  { id: 'pause', key: 'p', states: ['IDLE'], label: 'clerk.pause', form: true },
  { id: 'resume', key: 'p', states: ['PAUSED'], label: 'clerk.resume' },
  { id: 'sign-out', key: null, states: ['IDLE', 'PAUSED'], label: 'clerk.signOut' }
]);

/** Ids of the actions that make sense for a window; an unknown state allows everything. */
export function enabledActions(windowState) {
  if (!windowState) return new Set(ACTIONS.map((a) => a.id));
  return new Set(ACTIONS.filter((a) => a.states.includes(windowState)).map((a) => a.id));
}

/** The action a key press means in a window state, or null (P pauses or resumes). */
export function actionForKey(key, windowState) {
  const k = String(key).toLowerCase();
  const enabled = enabledActions(windowState);
  const match = ACTIONS.find((a) => a.key === k && enabled.has(a.id));
  return match ? match.id : null;
}

/** The body of POST .../finish from the finish form's values; null when something required is missing. */
export function finishBody({ outcome, missingMaterials = '', dueDate = '', referredTo = '', reason = '' }) {
  const body = { outcome };
  if (outcome === 'PENDING_MATERIALS') {
    const items = missingMaterials.split(/[\n,，、;；]/).map((s) => s.trim()).filter(Boolean);
    if (items.length === 0 || !dueDate) return null;
    body.missingMaterials = items;
    body.dueDate = dueDate;
  } else if (outcome === 'REFERRED') {
    if (!referredTo.trim()) return null;
    body.referredTo = referredTo.trim();
  } else if (outcome === 'NOT_DONE') {
    if (!reason.trim()) return null;
    body.reason = reason.trim();
  } else if (outcome !== 'DONE') {
    return null;
  }
  return body;
}
