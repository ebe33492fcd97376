// Reads the hall, window and ticket a page is about from its URL. The server maps
// /halls/{hall}/screen, /halls/{hall}/windows/{window}/screen, /halls/{hall}/kiosk|clerk|desk|supervisor,
// /t/{hall}/{ticket}?k=SECRET and /city to the HTML files; ?hall= and friends work when a file is opened
// directly. `key` is the secret of a ticket link: without it the server does not show the ticket.

export function pageContext(pathname, search = '') {
  const q = new URLSearchParams(search);
  const parts = String(pathname).split('/').filter(Boolean).map(safeDecode);
  const ctx = { hall: null, window: null, ticket: null, key: q.get('k') };
  if (parts[0] === 't' && parts.length >= 3) {
    ctx.hall = parts[1];
    ctx.ticket = parts[2];
  }
  const h = parts.indexOf('halls');
  if (h >= 0 && parts[h + 1]) ctx.hall = parts[h + 1];
  const w = parts.indexOf('windows');
  if (w >= 0 && parts[w + 1]) ctx.window = parts[w + 1];
  ctx.hall = ctx.hall ?? q.get('hall');
  ctx.window = ctx.window ?? q.get('window');
  ctx.ticket = ctx.ticket ?? q.get('ticket');
  return ctx;
}

function safeDecode(s) {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
