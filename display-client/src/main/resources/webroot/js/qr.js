// A small QR code encoder: byte mode, versions 1..10, error correction level M. Enough for a
// ticket's follow URL on the kiosk screen. Pure: returns a boolean matrix (true = dark).

const EC_LEVEL_M_BITS = 0b00;
const MAX_VERSION = 10;

// Level M per version: EC codewords per block, then [block count, data codewords] groups.
const BLOCKS_M = [
  null,
  [10, [1, 16]],
  [16, [1, 28]],
  [26, [1, 44]],
  [18, [2, 32]],
  [24, [2, 43]],
  [16, [4, 27]],
  [18, [4, 31]],
  [22, [2, 38], [2, 39]],
  [22, [3, 36], [2, 37]],
  [26, [4, 43], [1, 44]]
];

const ALIGNMENT = [null, [], [6, 18], [6, 22], [6, 26], [6, 30], [6, 34], [6, 22, 38], [6, 24, 42], [6, 26, 46], [6, 28, 50]];
const REMAINDER_BITS = [0, 0, 7, 7, 7, 7, 7, 0, 0, 0, 0];

// GF(256) with the QR polynomial x^8 + x^4 + x^3 + x^2 + 1.
const EXP = new Uint8Array(512);
const LOG = new Uint8Array(256);
(() => {
  let x = 1;
  for (let i = 0; i < 255; i++) {
    EXP[i] = x;
    LOG[x] = i;
    x <<= 1;
    if (x & 0x100) x ^= 0x11d;
  }
  for (let i = 255; i < 512; i++) EXP[i] = EXP[i - 255];
})();

function gfMul(a, b) {
  return a === 0 || b === 0 ? 0 : EXP[LOG[a] + LOG[b]];
}

/** Generator polynomial of degree n, highest coefficient first (leading 1 included). */
function generator(n) {
  let poly = [1];
  for (let i = 0; i < n; i++) {
    const next = new Array(poly.length + 1).fill(0);
    for (let j = 0; j < poly.length; j++) {
      next[j] ^= poly[j];
      next[j + 1] ^= gfMul(poly[j], EXP[i]);
    }
    poly = next;
  }
  return poly;
}

/** Reed-Solomon error correction codewords for one block. */
export function reedSolomon(data, ecCount) {
  const gen = generator(ecCount);
  const rem = new Array(ecCount).fill(0);
  for (const byte of data) {
    const factor = byte ^ rem[0];
    rem.shift();
    rem.push(0);
    for (let i = 0; i < ecCount; i++) rem[i] ^= gfMul(gen[i + 1], factor);
  }
  return rem;
}

function dataCapacity(version) {
  const [, ...groups] = BLOCKS_M[version];
  return groups.reduce((sum, [count, size]) => sum + count * size, 0);
}

function utf8(text) {
  return Array.from(new TextEncoder().encode(text));
}

export function chooseVersion(byteLength) {
  for (let v = 1; v <= MAX_VERSION; v++) {
    const countBits = v <= 9 ? 8 : 16;
    if (4 + countBits + byteLength * 8 <= dataCapacity(v) * 8) return v;
  }
  throw new RangeError(`too long for a version ${MAX_VERSION}-M QR code: ${byteLength} bytes`);
}

/** The data codewords: mode, count, bytes, terminator, padding. */
export function dataCodewords(bytes, version) {
  const bits = [];
  const put = (value, length) => {
    for (let i = length - 1; i >= 0; i--) bits.push((value >>> i) & 1);
  };
  const capacityBits = dataCapacity(version) * 8;
  put(0b0100, 4);
  put(bytes.length, version <= 9 ? 8 : 16);
  for (const b of bytes) put(b, 8);
  put(0, Math.min(4, capacityBits - bits.length));
  while (bits.length % 8) bits.push(0);
  const words = [];
  for (let i = 0; i < bits.length; i += 8) words.push(bits.slice(i, i + 8).reduce((a, b) => (a << 1) | b, 0));
  for (let pad = 0xec; words.length < capacityBits / 8; pad ^= 0xec ^ 0x11) words.push(pad);
  return words;
}

/** Splits data into blocks, adds EC per block, interleaves as the standard prescribes. */
export function finalCodewords(data, version) {
  const [ecCount, ...groups] = BLOCKS_M[version];
  const blocks = [];
  let offset = 0;
  for (const [count, size] of groups) {
    for (let i = 0; i < count; i++) {
      const d = data.slice(offset, offset + size);
      offset += size;
      blocks.push({ d, ec: reedSolomon(d, ecCount) });
    }
  }
  const out = [];
  const longest = Math.max(...blocks.map((b) => b.d.length));
  for (let i = 0; i < longest; i++) for (const b of blocks) if (i < b.d.length) out.push(b.d[i]);
  for (let i = 0; i < ecCount; i++) for (const b of blocks) out.push(b.ec[i]);
  return out;
}

function bchRemainder(value, poly, degree) {
  let v = value << degree;
  for (let bit = 31 - Math.clz32(v); bit >= degree; bit--) {
    if (v & (1 << bit)) v ^= poly << (bit - degree);
  }
  return v;
}

/** 15 format bits for level M and a mask, already XORed with 0x5412. */
export function formatBits(mask) {
  const data = (EC_LEVEL_M_BITS << 3) | mask;
  return ((data << 10) | bchRemainder(data, 0x537, 10)) ^ 0x5412;
}

/** 18 version bits (versions 7 and up). */
export function versionBits(version) {
  return (version << 12) | bchRemainder(version, 0x1f25, 12);
}

const MASKS = [
  (r, c) => (r + c) % 2 === 0,
  (r) => r % 2 === 0,
  (r, c) => c % 3 === 0,
  (r, c) => (r + c) % 3 === 0,
  (r, c) => (Math.floor(r / 2) + Math.floor(c / 3)) % 2 === 0,
  (r, c) => ((r * c) % 2) + ((r * c) % 3) === 0,
  (r, c) => (((r * c) % 2) + ((r * c) % 3)) % 2 === 0,
  (r, c) => (((r + c) % 2) + ((r * c) % 3)) % 2 === 0
];

class Grid {
  constructor(version) {
    this.version = version;
    this.size = version * 4 + 17;
    this.dark = Array.from({ length: this.size }, () => new Array(this.size).fill(false));
    this.fixed = Array.from({ length: this.size }, () => new Array(this.size).fill(false));
  }

  set(r, c, dark) {
    if (r < 0 || c < 0 || r >= this.size || c >= this.size) return;
    this.dark[r][c] = dark;
    this.fixed[r][c] = true;
  }

  drawFunctionPatterns() {
    const n = this.size;
    for (let i = 0; i < n; i++) {
      this.set(6, i, i % 2 === 0);
      this.set(i, 6, i % 2 === 0);
    }
    for (const [r, c] of [[3, 3], [3, n - 4], [n - 4, 3]]) this.finder(r, c);
    const pos = ALIGNMENT[this.version];
    for (const r of pos) {
      for (const c of pos) {
        const onFinder = (r === 6 && c === 6) || (r === 6 && c === pos.at(-1)) || (r === pos.at(-1) && c === 6);
        if (!onFinder) this.alignment(r, c);
      }
    }
    this.drawFormat(0); // reserves the format areas; redrawn with the chosen mask
    this.drawVersion();
  }

  finder(cr, cc) {
    for (let dr = -4; dr <= 4; dr++) {
      for (let dc = -4; dc <= 4; dc++) {
        const d = Math.max(Math.abs(dr), Math.abs(dc));
        this.set(cr + dr, cc + dc, d !== 2 && d !== 4);
      }
    }
  }

  alignment(cr, cc) {
    for (let dr = -2; dr <= 2; dr++) {
      for (let dc = -2; dc <= 2; dc++) this.set(cr + dr, cc + dc, Math.max(Math.abs(dr), Math.abs(dc)) !== 1);
    }
  }

  drawFormat(mask) {
    const bits = formatBits(mask);
    const bit = (i) => ((bits >>> i) & 1) === 1;
    const n = this.size;
    // Copy around the top-left finder.
    for (let i = 0; i <= 5; i++) this.set(i, 8, bit(i));
    this.set(7, 8, bit(6));
    this.set(8, 8, bit(7));
    this.set(8, 7, bit(8));
    for (let i = 9; i < 15; i++) this.set(8, 14 - i, bit(i));
    // Copy split between the top-right and bottom-left finders.
    for (let i = 0; i < 8; i++) this.set(8, n - 1 - i, bit(i));
    for (let i = 8; i < 15; i++) this.set(n - 15 + i, 8, bit(i));
    this.set(n - 8, 8, true); // the dark module
  }

  drawVersion() {
    if (this.version < 7) return;
    const bits = versionBits(this.version);
    const n = this.size;
    for (let i = 0; i < 18; i++) {
      const dark = ((bits >>> i) & 1) === 1;
      const a = n - 11 + (i % 3);
      const b = Math.floor(i / 3);
      this.set(b, a, dark);
      this.set(a, b, dark);
    }
  }

  drawCodewords(codewords) {
    const n = this.size;
    const total = codewords.length * 8;
    let i = 0;
    for (let right = n - 1; right >= 1; right -= 2) {
      if (right === 6) right = 5; // skip the vertical timing pattern
      const upward = ((right + 1) & 2) === 0;
      for (let step = 0; step < n; step++) {
        const r = upward ? n - 1 - step : step;
        for (let j = 0; j < 2; j++) {
          const c = right - j;
          if (this.fixed[r][c]) continue;
          // Remainder bits after the last codeword stay light.
          this.dark[r][c] = i < total && ((codewords[i >>> 3] >>> (7 - (i & 7))) & 1) === 1;
          i++;
        }
      }
    }
  }

  applyMask(mask) {
    const fn = MASKS[mask];
    for (let r = 0; r < this.size; r++) {
      for (let c = 0; c < this.size; c++) if (!this.fixed[r][c] && fn(r, c)) this.dark[r][c] = !this.dark[r][c];
    }
  }
}

/** Penalty score of a finished matrix (the four rules of the standard). */
export function penalty(m) {
  const n = m.length;
  let score = 0;
  const line = (get) => {
    let s = 0;
    let run = 1;
    for (let i = 1; i <= n; i++) {
      if (i < n && get(i) === get(i - 1)) run++;
      else {
        if (run >= 5) s += 3 + (run - 5);
        run = 1;
      }
    }
    const pattern = [true, false, true, true, true, false, true];
    for (let i = 0; i + 7 <= n; i++) {
      if (!pattern.every((p, k) => get(i + k) === p)) continue;
      const lightBefore = [1, 2, 3, 4].every((k) => i - k < 0 || !get(i - k));
      const lightAfter = [0, 1, 2, 3].every((k) => i + 7 + k >= n || !get(i + 7 + k));
      if (lightBefore || lightAfter) s += 40;
    }
    return s;
  };
  for (let r = 0; r < n; r++) score += line((i) => m[r][i]);
  for (let c = 0; c < n; c++) score += line((i) => m[i][c]);
  let dark = 0;
  for (let r = 0; r < n; r++) {
    for (let c = 0; c < n; c++) {
      if (m[r][c]) dark++;
      if (r + 1 < n && c + 1 < n) {
        const v = m[r][c];
        if (m[r][c + 1] === v && m[r + 1][c] === v && m[r + 1][c + 1] === v) score += 3;
      }
    }
  }
  score += Math.floor(Math.abs((dark * 100) / (n * n) - 50) / 5) * 10;
  return score;
}

/**
 * Encodes text (UTF-8 bytes) as a QR code, level M, the smallest version 1..10 that fits.
 * @returns {{version: number, mask: number, size: number, modules: boolean[][]}}
 */
export function encodeQr(text, { mask: forcedMask = null } = {}) {
  const bytes = utf8(text);
  const version = chooseVersion(bytes.length);
  const codewords = finalCodewords(dataCodewords(bytes, version), version);
  let best = null;
  const masks = forcedMask === null ? [0, 1, 2, 3, 4, 5, 6, 7] : [forcedMask];
  for (const mask of masks) {
    const g = new Grid(version);
    g.drawFunctionPatterns();
    g.drawCodewords(codewords);
    g.applyMask(mask);
    g.drawFormat(mask);
    const score = penalty(g.dark);
    if (!best || score < best.score) best = { score, mask, grid: g };
  }
  return { version, mask: best.mask, size: best.grid.size, modules: best.grid.dark };
}

/** An SVG path for the dark modules, with a 4-module quiet zone. */
export function qrSvgPath(modules) {
  let d = '';
  modules.forEach((row, r) => row.forEach((dark, c) => {
    if (dark) d += `M${c + 4},${r + 4}h1v1h-1z`;
  }));
  return d;
}
