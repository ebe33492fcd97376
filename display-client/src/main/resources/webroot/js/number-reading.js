// How a call reads numbers aloud: ticket numbers digit by digit (A001 -> A 零 零 一),
// window numbers as a Chinese number (11 -> 十一). Pure: no DOM, no audio.

const DIGIT_WORDS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
const UNIT_WORDS = ['', '十', '百', '千'];

const WORD_CLIPS = {
  '零': 'digit-0', '一': 'digit-1', '二': 'digit-2', '三': 'digit-3', '四': 'digit-4',
  '五': 'digit-5', '六': 'digit-6', '七': 'digit-7', '八': 'digit-8', '九': 'digit-9',
  '幺': 'digit-yao', '十': 'shi', '百': 'bai', '千': 'qian'
};

/** Splits a ticket number into the characters read one by one: "A001" -> ["A","0","0","1"]. */
export function splitTicketNumber(number) {
  return Array.from(String(number ?? '').toUpperCase()).filter((c) => /[0-9A-Z]/.test(c));
}

/**
 * The Chinese words for a ticket number read digit by digit. With `one: 'yao'` the digit 1 is
 * read 幺, as many halls do so that 一 and 七 are not confused over loudspeakers.
 */
export function ticketWords(number, { one = 'yi' } = {}) {
  return splitTicketNumber(number).map((c) => {
    if (c === '1' && one === 'yao') return '幺';
    return /[0-9]/.test(c) ? DIGIT_WORDS[Number(c)] : c;
  });
}

/**
 * Reads 0..9999 as a Chinese counting number, one word per character:
 * 3 -> ["三"], 11 -> ["十","一"], 20 -> ["二","十"], 101 -> ["一","百","零","一"].
 * Larger numbers are read digit by digit, which is what a hall would do anyway.
 */
export function chineseNumberWords(n) {
  const value = Number(n);
  if (!Number.isInteger(value) || value < 0) throw new RangeError(`not a count: ${n}`);
  if (value === 0) return ['零'];
  if (value > 9999) return Array.from(String(value), (d) => DIGIT_WORDS[Number(d)]);
  const digits = Array.from(String(value), Number);
  const words = [];
  let zeroPending = false;
  digits.forEach((d, i) => {
    const place = digits.length - 1 - i;
    if (d === 0) {
      zeroPending = words.length > 0;
      return;
    }
    if (zeroPending) words.push('零');
    zeroPending = false;
    // 10..19 are read 十, 十一 ... not 一十一.
    const leadingTen = place === 1 && d === 1 && words.length === 0;
    if (!leadingTen) words.push(DIGIT_WORDS[d]);
    if (place > 0) words.push(UNIT_WORDS[place]);
  });
  return words;
}

/** The words for a window id: numeric ids as a Chinese number, others character by character. */
export function windowWords(windowId) {
  const id = String(windowId ?? '').trim();
  if (/^\d+$/.test(id)) return chineseNumberWords(Number(id));
  return ticketWords(id);
}

/** Maps one word (a Chinese digit or unit, or a Latin letter) to its clip name. */
export function clipForWord(word) {
  if (WORD_CLIPS[word]) return WORD_CLIPS[word];
  if (/^[A-Z]$/.test(word)) return `letter-${word.toLowerCase()}`;
  throw new RangeError(`no clip for "${word}"`);
}

export function ticketClips(number, options) {
  return ticketWords(number, options).map(clipForWord);
}

export function windowClips(windowId) {
  return windowWords(windowId).map(clipForWord);
}

/** Every clip name that number reading can ask for, so a voice pack can be checked for gaps. */
export function numberClipNames() {
  const letters = Array.from('ABCDEFGHIJKLMNOPQRSTUVWXYZ', (c) => `letter-${c.toLowerCase()}`);
  return [...new Set(Object.values(WORD_CLIPS)), ...letters];
}
