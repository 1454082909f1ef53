interface Slice {
  readonly at: number;
  readonly sumOfSquares: number;
  readonly samples: number;
}

/** RMS of the audio received over the last `windowMs`: what a level meter on the far end's voice would show. */
export class RmsWindow {
  private readonly slices: Slice[] = [];

  constructor(
    private readonly now: () => number,
    private readonly windowMs = 1000,
  ) {}

  add(samples: Float32Array): void {
    let sumOfSquares = 0;
    for (const sample of samples) sumOfSquares += sample * sample;
    this.slices.push({ at: this.now(), sumOfSquares, samples: samples.length });
    this.prune();
  }

  /** 0..1; 0 when nothing arrived within the window. */
  rms(): number {
    this.prune();
    let sum = 0;
    let count = 0;
    for (const slice of this.slices) {
      sum += slice.sumOfSquares;
      count += slice.samples;
    }
    return count === 0 ? 0 : Math.sqrt(sum / count);
  }

  private prune(): void {
    const oldest = this.now() - this.windowMs;
    while (this.slices.length > 0 && this.slices[0]!.at < oldest) this.slices.shift();
  }
}
