// The call 「请 A001 号到 3 号窗口办理」 as a list of steps for the voice queue.
// A step is a clip name (string), a pause in milliseconds (number) or {say: text} for
// speechSynthesis. Pure: no DOM, no audio.

import { ticketClips, ticketWords, windowClips, windowWords } from './number-reading.js';

export const DEFAULT_CALL_SETTINGS = Object.freeze({
  chime: true,
  repeats: 2,
  pauseMs: 1000,
  chimeGapMs: 300,
  one: 'yi'
});

/** Phrase clips in order: 请, number, 号, 到, window, 号窗口, 办理. */
export const PHRASE_CLIPS = Object.freeze(['chime', 'qing', 'hao', 'dao', 'hao-chuangkou', 'banli']);

export function settingsFrom(overrides = {}) {
  const s = { ...DEFAULT_CALL_SETTINGS };
  for (const [k, v] of Object.entries(overrides ?? {})) {
    if (v !== undefined && v !== null && k in s) s[k] = v;
  }
  s.repeats = Math.max(1, Math.min(5, Math.trunc(Number(s.repeats)) || 1));
  s.pauseMs = Math.max(0, Number(s.pauseMs) || 0);
  s.chimeGapMs = Math.max(0, Number(s.chimeGapMs) || 0);
  s.one = s.one === 'yao' ? 'yao' : 'yi';
  s.chime = Boolean(s.chime);
  return s;
}

function once({ number, window }, s) {
  return ['qing', ...ticketClips(number, s), 'hao', 'dao', ...windowClips(window), 'hao-chuangkou', 'banli'];
}

/** The text a zh-CN speech voice should say, already spelled out so it reads digit by digit. */
export function callText({ number, window }, settings = {}) {
  const s = settingsFrom(settings);
  return `请${ticketWords(number, s).join('')}号到${windowWords(window).join('')}号窗口办理`;
}

function repeat(one, s) {
  const steps = [];
  if (s.chime) steps.push('chime', ...(s.chimeGapMs ? [s.chimeGapMs] : []));
  for (let i = 0; i < s.repeats; i++) {
    if (i > 0 && s.pauseMs) steps.push(s.pauseMs);
    steps.push(...one);
  }
  return steps;
}

/** Steps using the clip set: chime, then the phrase `repeats` times with a pause between. */
export function callSteps(call, settings = {}) {
  const s = settingsFrom(settings);
  return repeat(once(call, s), s);
}

/** Same shape, but each phrase is spoken by speechSynthesis; the chime is still a clip. */
export function callSpeechSteps(call, settings = {}) {
  const s = settingsFrom(settings);
  return repeat([{ say: callText(call, s) }], s);
}

/**
 * Voice settings from a page query, e.g. ?chime=0&repeats=3&pause=800&one=yao&voice=clips.
 * `voice` is auto (speech only if a zh-CN voice exists), clips, speech or off.
 */
export function settingsFromQuery(search, defaults = {}) {
  const q = new URLSearchParams(search);
  const num = (k) => (q.has(k) ? Number(q.get(k)) : undefined);
  const s = settingsFrom({
    ...defaults,
    chime: q.has('chime') ? !['0', 'false', 'off'].includes(q.get('chime')) : defaults.chime,
    repeats: num('repeats') ?? defaults.repeats,
    pauseMs: num('pause') ?? defaults.pauseMs,
    one: q.get('one') ?? defaults.one
  });
  const voice = q.get('voice') ?? defaults.voice ?? 'auto';
  s.voice = ['auto', 'clips', 'speech', 'off'].includes(voice) ? voice : 'auto';
  return s;
}
