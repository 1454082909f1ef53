import { audioContext } from './audio-context';

/**
 * The RMS level (0..1) of a stream, read with a WebAudio AnalyserNode. The analyser is not connected to the
 * speakers: the stream is heard through its audio element, which Chromium needs anyway to decode a remote stream
 * (without it the level stays 0).
 */
export class LevelMeter {
  private readonly source: MediaStreamAudioSourceNode;
  private readonly analyser: AnalyserNode;
  private readonly samples: Float32Array<ArrayBuffer>;

  constructor(stream: MediaStream) {
    const context = audioContext();
    this.source = context.createMediaStreamSource(stream);
    this.analyser = context.createAnalyser();
    this.analyser.fftSize = 2048;
    this.samples = new Float32Array(this.analyser.fftSize);
    this.source.connect(this.analyser);
  }

  /** RMS of the last fftSize samples (about 43 ms at 48 kHz). */
  level(): number {
    this.analyser.getFloatTimeDomainData(this.samples);
    let sum = 0;
    for (const sample of this.samples) sum += sample * sample;
    return Math.sqrt(sum / this.samples.length);
  }

  close(): void {
    this.source.disconnect();
  }
}
