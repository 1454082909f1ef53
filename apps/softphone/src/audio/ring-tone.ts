import { audioContext } from './audio-context';

/** 440 Hz + 480 Hz (the North American ring), 2 s on, 4 s off: recognisable and generated, so nothing to download. */
const FREQUENCIES = [440, 480];
const ON_SECONDS = 2;
const PERIOD_SECONDS = 6;
const LEVEL = 0.12;

/** The ring tone, played with WebAudio while a call rings and stopped when it is answered or ends. */
export class RingTone {
  private nodes: { oscillators: OscillatorNode[]; gain: GainNode } | undefined;

  get playing(): boolean {
    return this.nodes !== undefined;
  }

  start(): void {
    if (this.nodes !== undefined) return;
    const context = audioContext();
    if (context.state === 'suspended') void context.resume().catch(() => undefined);
    const gain = context.createGain();
    gain.gain.value = 0;
    gain.connect(context.destination);
    // The cadence is scheduled as gain automation, for an hour of ringing at most: no timers to keep in step.
    const start = context.currentTime + 0.05;
    for (let cycle = 0; cycle < 600; cycle++) {
      const on = start + cycle * PERIOD_SECONDS;
      gain.gain.setValueAtTime(LEVEL, on);
      gain.gain.setValueAtTime(0, on + ON_SECONDS);
    }
    const oscillators = FREQUENCIES.map((frequency) => {
      const oscillator = context.createOscillator();
      oscillator.frequency.value = frequency;
      oscillator.connect(gain);
      oscillator.start(start);
      return oscillator;
    });
    this.nodes = { oscillators, gain };
  }

  stop(): void {
    if (this.nodes === undefined) return;
    for (const oscillator of this.nodes.oscillators) oscillator.stop();
    this.nodes.gain.disconnect();
    this.nodes = undefined;
  }
}
