// The city view's arithmetic: per hall, how long a matter (or the whole hall) waits, how far
// it is, and which hall to suggest: the shortest wait, among nearby halls when we know where
// the person is. Pure.

export const NEARBY_KM = 15;

/** Great-circle distance in km between {lat, lon} points. */
export function distanceKm(a, b) {
  const rad = (d) => (d * Math.PI) / 180;
  const dLat = rad(b.lat - a.lat);
  const dLon = rad(b.lon - a.lon);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}

function where(hall) {
  const lat = hall.lat ?? hall.location?.lat ?? hall.latitude;
  const lon = hall.lon ?? hall.location?.lon ?? hall.longitude;
  return Number.isFinite(lat) && Number.isFinite(lon) ? { lat, lon } : null;
}

/**
 * One row per hall. With a matter: that matter's waiting count and estimated wait (`open` false
 * when the hall does not offer it now). Without: all waiting people and the longest matter wait.
 */
export function summarize(hall, snapshot, { matter = null, position = null } = {}) {
  const row = { id: hall.id, name: hall.name, nameEn: hall.nameEn, address: hall.address ?? '', reachable: Boolean(snapshot), distanceKm: null, waiting: null, waitSeconds: null, open: false };
  const at = where(hall);
  if (position && at) row.distanceKm = distanceKm(position, at);
  if (!snapshot) return row;
  const matters = snapshot.matters ?? [];
  if (matter) {
    const m = matters.find((x) => x.code === matter);
    row.open = Boolean(m) && m.open !== false;
    row.waiting = m?.waiting ?? null;
    row.waitSeconds = m?.estimatedWaitSeconds ?? null;
  } else {
    const open = matters.filter((m) => m.open !== false);
    row.open = open.length > 0;
    row.waiting = matters.reduce((sum, m) => sum + (m.waiting ?? 0), 0);
    row.waitSeconds = open.length ? Math.max(...open.map((m) => m.estimatedWaitSeconds ?? 0)) : null;
  }
  return row;
}

/** Open halls first, then by wait, then by distance; unreachable halls last. */
export function rank(rows) {
  const key = (r) => [r.reachable && r.open ? 0 : 1, r.waitSeconds ?? Infinity, r.distanceKm ?? Infinity];
  return rows.slice().sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return ka[i] < kb[i] ? -1 : 1;
    return 0;
  });
}

/** The hall to suggest: shortest wait among open halls, limited to nearby ones when distances are known. */
export function suggest(rows, { nearbyKm = NEARBY_KM } = {}) {
  const open = rows.filter((r) => r.reachable && r.open && r.waitSeconds !== null);
  const near = open.filter((r) => r.distanceKm !== null && r.distanceKm <= nearbyKm);
  const pool = near.length ? near : open;
  return rank(pool)[0] ?? null;
}

/** Every matter offered anywhere, for the matter picker, in first-seen order. */
export function allMatters(snapshots) {
  const seen = new Map();
  for (const s of snapshots) for (const m of s?.matters ?? []) if (!seen.has(m.code)) seen.set(m.code, m);
  return [...seen.values()];
}
