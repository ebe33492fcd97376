// One global queue of spoken calls, so two windows calling at once never talk over each other.
// Steps: a clip name (string), a pause in ms (number), or {say: text}. The player is injected:
// {play(clip) => Promise, say?(text) => Promise}.

export class VoiceQueue {
  constructor({ player, wait, maxJobs = 12 } = {}) {
    this.player = player;
    this.wait = wait ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.maxJobs = maxJobs;
    this.jobs = [];
    this.current = null;
    this.running = null;
    this.played = [];
    this.errors = [];
  }

  /** Adds a call; if too many wait, the oldest waiting call is dropped (the screen still shows it). */
  enqueue(steps, label = '') {
    this.jobs.push({ steps: steps.slice(), label });
    while (this.jobs.length > this.maxJobs) this.jobs.shift();
    if (!this.running) this.running = this.run();
    return this.running;
  }

  /** Clip names not yet played, in order, including the rest of the call being spoken. */
  pendingClips() {
    const rest = this.current ? this.current.steps.slice(this.current.index) : [];
    return [...rest, ...this.jobs.flatMap((j) => j.steps)].filter((s) => typeof s === 'string');
  }

  size() {
    return this.jobs.length + (this.current ? 1 : 0);
  }

  clear() {
    this.jobs = [];
  }

  idle() {
    return this.running ?? Promise.resolve();
  }

  async run() {
    try {
      while (this.jobs.length > 0) {
        const job = this.jobs.shift();
        this.current = { ...job, index: 0 };
        while (this.current.index < job.steps.length) {
          const step = job.steps[this.current.index++];
          await this.playStep(step);
        }
        this.current = null;
      }
    } finally {
      this.current = null;
      this.running = null;
    }
  }

  async playStep(step) {
    try {
      if (typeof step === 'number') await this.wait(step);
      else if (typeof step === 'string') {
        await this.player.play(step);
        this.remember(this.played, step);
      } else if (step && typeof step.say === 'string' && this.player.say) {
        await this.player.say(step.say);
        this.remember(this.played, step);
      }
    } catch (e) {
      // A missing clip must not silence the rest of the hall's calls.
      this.remember(this.errors, { step, error: String(e?.message ?? e) });
    }
  }

  /** Keeps the last few hundred entries: a hall screen runs all day. */
  remember(list, entry) {
    list.push(entry);
    if (list.length > 300) list.splice(0, list.length - 300);
  }
}
