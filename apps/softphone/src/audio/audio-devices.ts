/** An audio input or output the agent can pick. */
export interface AudioDevice {
  readonly id: string;
  readonly label: string;
}

export interface AudioDeviceList {
  readonly microphones: readonly AudioDevice[];
  readonly speakers: readonly AudioDevice[];
}

/** Whether this browser can route an audio element to a chosen output (`HTMLMediaElement.setSinkId`). */
export const speakerChoiceSupported = typeof HTMLMediaElement.prototype.setSinkId === 'function';

/** The audio devices; labels are empty until the page has had microphone access once (the browser's rule). */
export async function listAudioDevices(): Promise<AudioDeviceList> {
  if (navigator.mediaDevices?.enumerateDevices === undefined) return { microphones: [], speakers: [] };
  const devices = await navigator.mediaDevices.enumerateDevices();
  const of = (kind: MediaDeviceKind): AudioDevice[] =>
    devices
      .filter((device) => device.kind === kind && device.deviceId !== '')
      .map((device, index) => ({
        id: device.deviceId,
        label: device.label || `${kind === 'audioinput' ? 'Microphone' : 'Speaker'} ${index + 1}`,
      }));
  return { microphones: of('audioinput'), speakers: of('audiooutput') };
}

/** The constraints a call's microphone is opened with: the chosen device, or the browser's default. */
export function microphoneConstraints(microphoneId: string | undefined): MediaStreamConstraints {
  return { audio: microphoneId === undefined ? true : { deviceId: { exact: microphoneId } }, video: false };
}

/**
 * Asks for the microphone once so that a ringing call does not wait on a permission prompt and the device lists get
 * their labels; the stream is closed at once. Resolves to the refusal's message, or undefined when allowed.
 */
export async function checkMicrophone(): Promise<string | undefined> {
  try {
    const stream = await navigator.mediaDevices.getUserMedia({ audio: true, video: false });
    for (const track of stream.getTracks()) track.stop();
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}
