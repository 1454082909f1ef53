let shared: AudioContext | undefined;

/**
 * The page's one AudioContext (ring tone, level meter). Browsers start it suspended until a user gesture, so the
 * page calls `resumeAudio()` from its click handlers (Log in, Start session) before a call can ring.
 */
export function audioContext(): AudioContext {
  shared ??= new AudioContext({ latencyHint: 'interactive' });
  return shared;
}

export function resumeAudio(): void {
  const context = audioContext();
  if (context.state === 'suspended') void context.resume().catch(() => undefined);
}
