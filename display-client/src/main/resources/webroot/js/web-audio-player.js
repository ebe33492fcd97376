// Plays voice-pack clips through Web Audio, and speaks through speechSynthesis when (and only
// when) the browser has a zh-CN voice. Used by the hall and window screens via VoiceQueue.

export class WebAudioPlayer {
  constructor({ base = '/assets/voice/zh/', fetch: fetchFn = globalThis.fetch.bind(globalThis) } = {}) {
    this.base = base;
    this.fetch = fetchFn;
    this.ctx = null;
    this.manifest = null;
    this.buffers = new Map();
    this.voice = null;
  }

  async init() {
    const Ctx = globalThis.AudioContext ?? globalThis.webkitAudioContext;
    this.ctx = Ctx ? new Ctx() : null;
    const res = await this.fetch(`${this.base}manifest.json`);
    this.manifest = await res.json();
    this.voice = await findChineseVoice();
    // Decode every clip up front so the first call of the day is not late.
    await Promise.allSettled(Object.keys(this.manifest.clips).map((name) => this.load(name)));
    return this;
  }

  /** Browsers without the autoplay flag start suspended until a tap. */
  get suspended() {
    return this.ctx?.state === 'suspended';
  }

  resume() {
    return this.ctx?.resume();
  }

  async load(name) {
    if (this.buffers.has(name)) return this.buffers.get(name);
    const entry = this.manifest?.clips?.[name];
    if (!entry || !this.ctx) throw new Error(`no clip ${name}`);
    const res = await this.fetch(`${this.base}${entry.file}`);
    if (!res.ok) throw new Error(`clip ${name}: HTTP ${res.status}`);
    const buffer = await this.ctx.decodeAudioData(await res.arrayBuffer());
    this.buffers.set(name, buffer);
    return buffer;
  }

  async play(name) {
    // Until someone taps the screen (or the kiosk flag allows autoplay) nothing can sound;
    // fail fast so stale calls do not pile up and play late.
    if (this.suspended) throw new Error('audio locked until a user gesture');
    const buffer = await this.load(name);
    await new Promise((resolve) => {
      const source = this.ctx.createBufferSource();
      source.buffer = buffer;
      source.connect(this.ctx.destination);
      source.onended = resolve;
      source.start();
      // A suspended context never ends a source; do not wedge the queue.
      setTimeout(resolve, buffer.duration * 1000 + 1500);
    });
  }

  get canSpeak() {
    return Boolean(this.voice) && !this.speechBroken;
  }

  say(text) {
    return new Promise((resolve) => {
      const u = new SpeechSynthesisUtterance(text);
      u.voice = this.voice;
      u.lang = 'zh-CN';
      u.rate = 0.9;
      const timer = setTimeout(() => {
        // Linux Chromium with speech-dispatcher offers voices that never finish and wedge:
        // give up on speech for good, the clips take over from the next call.
        this.speechBroken = true;
        speechSynthesis.cancel();
        resolve();
      }, 3000 + text.length * 500);
      u.onend = u.onerror = () => {
        clearTimeout(timer);
        resolve();
      };
      speechSynthesis.speak(u);
    });
  }
}

/** A zh-CN speechSynthesis voice, or null; voices may load asynchronously. */
export function findChineseVoice(timeoutMs = 1500) {
  const synth = globalThis.speechSynthesis;
  if (!synth) return Promise.resolve(null);
  // Only a real zh-CN voice; speech-dispatcher's bare "cmn" voices are the ones that wedge.
  const pickVoice = () => synth.getVoices().find((v) => /^zh[-_](CN|Hans)/i.test(v.lang)) ?? null;
  const now = pickVoice();
  if (now || synth.getVoices().length > 0) return Promise.resolve(now);
  return new Promise((resolve) => {
    const done = () => resolve(pickVoice());
    synth.addEventListener?.('voiceschanged', done, { once: true });
    setTimeout(done, timeoutMs);
  });
}
