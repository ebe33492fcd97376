// Local preview only: serves webroot the way hall-server will (/assets/..., page routes) and a
// scripted stand-in hall on /api/v1 so pages can be looked at before the real server exists.
// Never shipped: it lives in tools/, outside webroot.
//   node tools/dev-server.mjs [port]
// The browser smoke test imports startDevHall() to run pages against it.

import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../src/main/resources/webroot/', import.meta.url));
let port = Number(process.argv[2] ?? 8090);
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.json': 'application/json', '.wav': 'audio/wav', '.svg': 'image/svg+xml' };

const PAGES = [
  [/^\/halls\/[^/]+\/screen$/, 'screen.html'],
  [/^\/halls\/[^/]+\/windows\/[^/]+\/screen$/, 'window-screen.html'],
  [/^\/halls\/[^/]+\/(kiosk|clerk|desk|supervisor)$/, null],
  [/^\/halls\/[^/]+\/kiosk\/enrol$/, 'kiosk-enrol.html'],
  [/^\/t\/[^/]+\/[^/]+$/, 'phone.html'],
  [/^\/city$/, 'city.html']
];

const matters = [
  { code: 'EE-PASSPORT', name: '普通护照', nameEn: 'Passport', prefix: 'A', category: 'EXIT_ENTRY', flags: [], waiting: 12, estimatedWaitSeconds: 900, open: true },
  { code: 'EE-HKMO', name: '往来港澳通行证', nameEn: 'HK/Macau permit', prefix: 'B', category: 'EXIT_ENTRY', flags: [], waiting: 5, estimatedWaitSeconds: 420, open: true },
  { code: 'HR-IDCARD', name: '居民身份证', nameEn: 'ID card', prefix: 'C', category: 'HOUSEHOLD', flags: [], waiting: 8, estimatedWaitSeconds: 600, open: true },
  { code: 'VE-TRANSFER', name: '机动车转移登记', nameEn: 'Vehicle transfer', prefix: 'D', category: 'VEHICLE', flags: [], waiting: 3, estimatedWaitSeconds: 300, open: true },
  { code: 'CQ-HUKOU', name: '川渝户口迁移', nameEn: 'Sichuan-Chongqing hukou move', prefix: 'E', category: 'CROSS_REGION', flags: ['CROSS_REGION'], waiting: 1, estimatedWaitSeconds: 120, open: true },
  { code: 'DL-RENEW', name: '驾驶证换证', nameEn: 'Licence renewal', prefix: 'F', category: 'DRIVING', flags: ['ZERO_MATERIAL'], waiting: 0, estimatedWaitSeconds: 0, open: false }
];
const windows = Array.from({ length: Number(process.env.SX_DEV_WINDOWS ?? 8) }, (_, i) => ({
  id: String(i + 1), name: `${i + 1}号窗口`, nameEn: `Window ${i + 1}`, kind: 'COMPREHENSIVE',
  crossRegion: i === 6, greenChannel: i === 7, matters: matters.map((m) => m.code),
  state: i === 5 ? 'PAUSED' : 'IDLE', pausedReason: i === 5 ? '系统维护' : null,
  clerk: { staffNo: `01${20 + i}`, name: '张*' }, current: null
}));
const LINK_SECRET = 'dev-link-secret';
let seq = 1000;
const recentCalls = [];
let counter = 0;
const sockets = new Set();

function snapshot() {
  return { type: 'snapshot', hall: 'city', seq, businessDay: '2026-11-27', at: new Date().toISOString(), hallName: '遂宁市公安政务服务中心', hallNameEn: 'Suining PSB Service Hall', matters, windows, recentCalls: recentCalls.slice(0, 20), notice: '今日出入境业务办理至 17:30，请提前准备好身份证件。' };
}

// Window 3 belongs to whoever drives the clerk console; the ticker calls at the others.
const CLERK_WINDOW = '3';

function tick() {
  const w = windows[counter % windows.length];
  if (w.state === 'PAUSED' || w.id === CLERK_WINDOW) { counter++; return; }
  const m = matters[counter % 5];
  counter++;
  const number = `${m.prefix}${String(counter).padStart(3, '0')}`;
  m.waiting = Math.max(0, m.waiting - 1);
  w.state = 'CALLING';
  w.current = { ticket: `20261127-${number}`, number, matter: m.code, status: 'CALLED' };
  seq++;
  const call = { seq, number, window: w.id, windowName: w.name, at: new Date().toISOString(), recall: false };
  recentCalls.unshift(call);
  broadcast({ type: 'ticket.called', seq, at: call.at, ticket: w.current.ticket, number, matter: m.code, window: w.id, windowName: w.name, recall: false, changes: { matters: [m], windows: [w] } });
}

/** The clerk window moves through its states like the real engine would, and tells the feed. */
function clerkAction(action, res) {
  const w = windows.find((x) => x.id === CLERK_WINDOW);
  const event = (type, extra = {}) => {
    seq++;
    broadcast({ type, seq, at: new Date().toISOString(), window: w.id, ...extra, changes: { matters: [], windows: [w] } });
  };
  const allowed = { 'call-next': ['IDLE'], recall: ['CALLING'], start: ['CALLING'], finish: ['SERVING'], 'no-show': ['CALLING'], pause: ['IDLE'], resume: ['PAUSED'] };
  if (allowed[action] && !allowed[action].includes(w.state)) {
    return problem(res, 409, 'WRONG_TICKET_STATE', '该号当前状态不允许此操作', "The ticket's status does not allow this");
  }
  if (action === 'call-next') {
    const number = `C${String(100 + seq % 900)}`;
    w.state = 'CALLING';
    w.current = { ticket: `20261127-${number}`, number, matter: 'HR-IDCARD', status: 'CALLED' };
    event('ticket.called', { ticket: w.current.ticket, number, windowName: w.name, recall: false });
    return json(res, 200, { rule: 'OLDEST_FIRST', ruleText: '按取号先后', ruleTextEn: 'Oldest ticket first', ticket: { ...ticketA042(), number, status: 'CALLED' } });
  }
  if (action === 'recall') event('ticket.recalled', { ticket: w.current.ticket, number: w.current.number, windowName: w.name, recall: true });
  if (action === 'start') {
    w.state = 'SERVING';
    w.current = { ...w.current, status: 'SERVING' };
    event('service.started');
  }
  if (action === 'finish' || action === 'no-show') {
    w.state = 'IDLE';
    delete w.current;
    event(action === 'finish' ? 'service.finished' : 'ticket.no-show');
  }
  if (action === 'pause') {
    w.state = 'PAUSED';
    w.pausedReason = '临时离岗';
    event('window.paused');
  }
  if (action === 'resume') {
    w.state = 'IDLE';
    w.pausedReason = null;
    event('window.resumed');
  }
  return json(res, 200, { events: [action] });
}

function frame(text) {
  const data = Buffer.from(text);
  const head = data.length < 126 ? Buffer.from([0x81, data.length]) : Buffer.from([0x81, 126, data.length >> 8, data.length & 255]);
  return Buffer.concat([head, data]);
}

function broadcast(msg) {
  for (const s of sockets) s.write(frame(JSON.stringify(msg)));
}

const ticketA042 = () => ({
  id: '20261127-A042', number: 'A042', matter: 'EE-PASSPORT', matterName: '普通护照', matterNameEn: 'Passport',
  status: 'WAITING', ahead: 2, estimatedWaitSeconds: 240, issuedAt: new Date().toISOString(), source: 'KIOSK', partySize: 1
});
const hallInfo = () => ({
  id: 'city', name: '遂宁市公安政务服务中心', nameEn: 'Suining PSB Service Hall', address: '遂宁市河东新区', timeZone: 'Asia/Shanghai',
  matters: matters.map((m) => ({ ...m, categoryName: null, flags: m.flags })),
  windows: windows.map((w) => ({ id: w.id, name: w.name, nameEn: w.nameEn, kind: w.kind, matters: w.matters })),
  greenChannels: [{ id: 'GAOKAO', name: '高考考生', nameEn: 'Exam candidates', matters: ['HR-IDCARD'], proof: '准考证', proofEn: 'exam admission card', dailyQuota: 50, activeToday: true }],
  openingHours: { aroundTheClock: false, weekly: [{ days: ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY'], open: '09:00', close: '17:30' }], extra: [], closed: [] }
});

const server = createServer(async (req, res) => {
  const url = new URL(req.url, 'http://x');
  const path = url.pathname;
  let m;
  if (path === '/api/v1/halls') return json(res, 200, { city: '遂宁市', cityEn: 'Suining', halls: [{ id: 'city', name: '遂宁市公安政务服务中心', nameEn: 'Suining PSB Service Hall', address: '遂宁市河东新区' }] });
  if (/^\/api\/v1\/halls\/[^/]+\/snapshot$/.test(path)) return json(res, 200, snapshot());
  if (/^\/api\/v1\/halls\/[^/]+\/waiting$/.test(path)) {
    return json(res, 200, { seq, matters: matters.map((x) => ({ ...x, longestWaitSince: new Date(Date.now() - 1900e3).toISOString(), longestWaitNumber: `${x.prefix}001`, windows: windows.map((w) => w.id) })) });
  }
  if ((m = path.match(/^\/api\/v1\/halls\/[^/]+\/windows\/([^/]+)$/))) {
    const w = windows.find((x) => x.id === m[1]);
    if (!w) return problem(res, 404, 'UNKNOWN_WINDOW', '没有该窗口', 'No such window');
    return json(res, 200, { ...w, waiting: [ticketA042(), { ...ticketA042(), id: '20261127-C050', number: 'C050', matter: 'HR-IDCARD', matterName: '居民身份证', greenChannel: 'GAOKAO' }], waitingCount: 2, parked: [{ ...ticketA042(), id: '20261127-B007', number: 'B007', status: 'PARKED' }] });
  }
  if (/^\/api\/v1\/halls\/[^/]+$/.test(path)) return json(res, 200, hallInfo());
  const enrolled = /(?:^|;\s*)sx_kiosk=dev(?:;|$)/.test(req.headers.cookie ?? '');
  if (/^\/api\/v1\/halls\/[^/]+\/kiosk\/enrolment$/.test(path)) {
    // like the real server: the token 'dev' becomes an HttpOnly cookie; changes need X-Suixin-Kiosk
    if (req.headers['x-suixin-kiosk'] !== '1' && req.method === 'POST') return problem(res, 403, 'FORBIDDEN', '缺少 X-Suixin-Kiosk 请求头', 'X-Suixin-Kiosk header missing');
    if (req.method === 'POST') {
      const body = JSON.parse(await readBody(req) || '{}');
      if (body.token !== 'dev') return problem(res, 401, 'UNKNOWN_DEVICE_TOKEN', '设备令牌无效', 'Unknown device token');
      res.setHeader('Set-Cookie', 'sx_kiosk=dev; Path=/; HttpOnly; SameSite=Strict');
    } else if (!enrolled) {
      return problem(res, 401, 'KIOSK_NOT_ENROLLED', '未登记的取号机', 'This kiosk is not enrolled');
    }
    return json(res, 200, { device: 'kiosk-dev', name: 'dev-kiosk', hall: 'city', kiosk: '/halls/city/kiosk' });
  }
  if (/^\/api\/v1\/halls\/[^/]+\/tickets$/.test(path) && req.method === 'POST') {
    if (enrolled && req.headers['x-suixin-kiosk'] !== '1') return problem(res, 403, 'FORBIDDEN', '缺少 X-Suixin-Kiosk 请求头', 'X-Suixin-Kiosk header missing');
    const t = { ...ticketA042(), ahead: 11, estimatedWaitSeconds: 840, followUrl: `/t/city/20261127-A042?k=${LINK_SECRET}`, hall: 'city' };
    return json(res, 201, t);
  }
  if (/^\/api\/v1\/halls\/[^/]+\/tickets$/.test(path)) {
    return url.searchParams.get('number')?.toUpperCase() === 'A042' ? json(res, 200, ticketA042()) : problem(res, 404, 'UNKNOWN_TICKET', '今日没有该号', 'No such ticket today');
  }
  if (/^\/api\/v1\/halls\/[^/]+\/tickets\/20261127-A042$/.test(path)) {
    // like the real server: the id alone opens nothing, the link's secret does
    return url.searchParams.get('k') === LINK_SECRET ? json(res, 200, ticketA042()) : problem(res, 404, 'UNKNOWN_TICKET', '没有该号', 'No such ticket');
  }
  if ((m = path.match(/^\/api\/v1\/halls\/[^/]+\/windows\/3\/([a-z-]+)$/)) && req.method === 'POST') return clerkAction(m[1], res);
  if (/^\/api\/v1\/halls\/[^/]+\/windows\/[^/]+\/call-next$/.test(path)) {
    return json(res, 200, { rule: 'OLDEST_FIRST', ruleText: '按取号先后', ruleTextEn: 'Oldest ticket first', ticket: ticketA042() });
  }
  if (/^\/api\/v1\/halls\/[^/]+\/windows\/[^/]+\/[a-z-]+$/.test(path) && req.method === 'POST') return json(res, 200, {});
  if (path === '/api/v1/auth/login') return json(res, 200, { token: 'dev', role: 'supervisor', hall: 'city', name: '张*', staffNo: '0123' });
  if (path.startsWith('/api/')) return problem(res, 404, 'NOT_FOUND', '没有该接口', 'No such endpoint');
  let file = null;
  if (path.startsWith('/assets/')) file = path.slice('/assets/'.length);
  for (const [re, page] of PAGES) if (re.test(path)) file = page ?? `${path.split('/').pop()}.html`;
  if (!file) { res.writeHead(404); return res.end(); }
  try {
    const body = await readFile(join(root, normalize(file).replace(/^(\.\.[/\\])+/, '')));
    res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' });
    res.end(body);
  } catch {
    res.writeHead(404);
    res.end();
  }
});

server.on('upgrade', (req, socket) => {
  const accept = createHash('sha1').update(`${req.headers['sec-websocket-key']}258EAFA5-E914-47DA-95CA-C5AB0DC85B11`).digest('base64');
  socket.write(`HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\n\r\n`);
  sockets.add(socket);
  socket.on('close', () => sockets.delete(socket));
  socket.on('error', () => sockets.delete(socket));
  socket.on('data', () => {});
  socket.write(frame(JSON.stringify(snapshot())));
});

function readBody(req) {
  return new Promise((resolve) => {
    let text = '';
    req.on('data', (c) => { text += c; });
    req.on('end', () => resolve(text));
  });
}

function problem(res, status, code, message, messageEn) {
  json(res, status, { type: `urn:suixin:problem:${code.toLowerCase().replaceAll('_', '-')}`, title: messageEn, status, code, message, messageEn });
}

function json(res, status, body) {
  res.writeHead(status, { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json' });
  res.end(JSON.stringify(body));
}

/** Starts the stand-in hall; port 0 picks a free one. Resolves with {port, close()}. */
export function startDevHall({ port: wanted = 0, tickMs = 4000 } = {}) {
  return new Promise((resolve) => {
    const timer = setInterval(tick, tickMs);
    server.listen(wanted, '127.0.0.1', () => {
      port = server.address().port;
      resolve({
        port,
        close: () => new Promise((done) => {
          clearInterval(timer);
          for (const s of sockets) s.destroy();
          server.close(done);
        })
      });
    });
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  startDevHall({ port, tickMs: Number(process.env.SX_DEV_TICK_MS ?? 4000) })
    .then((h) => console.log(`dev hall on http://localhost:${h.port}/halls/city/screen`));
}
