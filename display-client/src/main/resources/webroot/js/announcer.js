// Turns live calls into sound on a screen: clips through Web Audio by default, speechSynthesis
// only where a zh-CN voice exists. One VoiceQueue per page, so calls never overlap.

import { VoiceQueue } from './voice-queue.js';
import { WebAudioPlayer } from './web-audio-player.js';
import { callSteps, callSpeechSteps } from './call-phrase.js';

export class Announcer {
  constructor(settings) {
    this.settings = settings;
    this.player = new WebAudioPlayer();
    this.queue = new VoiceQueue({ player: this.player });
    this.ready = settings.voice === 'off' ? Promise.resolve() : this.player.init().catch((e) => {
      console.warn('voice pack not loaded', e);
    });
    // Browser tests observe the queue instead of listening.
    globalThis.sxVoiceQueue = this.queue;
  }

  get needsGesture() {
    return this.player.suspended;
  }

  unlock() {
    return this.player.resume();
  }

  useSpeech() {
    const mode = this.settings.voice;
    return (mode === 'speech' && !this.player.speechBroken) || (mode === 'auto' && this.player.canSpeak);
  }

  announce(call) {
    if (this.settings.voice === 'off') return;
    const steps = this.useSpeech() ? callSpeechSteps(call, this.settings) : callSteps(call, this.settings);
    // braces, not an arrow expression: returning the queue's run() promise would chain every
    // call onto it and keep them all alive while calls come faster than they can be spoken
    this.ready.then(() => { this.queue.enqueue(steps, `${call.number}@${call.window}`); });
  }
}
