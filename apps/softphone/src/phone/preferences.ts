import type { MediaPreferences } from './phone-call';

const STORAGE_KEY = 'open-gws.softphone';

type Stored = Pick<MediaPreferences, 'microphoneId' | 'speakerId' | 'volume'>;

/** The agent's audio choices; devices and volume are kept in localStorage for the next shift, mute is not. */
export class Preferences {
  microphoneId: string | undefined;
  speakerId: string | undefined;
  volume = 1;
  muted = false;

  constructor(private readonly storage: Storage | undefined = safeLocalStorage()) {
    const stored = this.read();
    this.microphoneId = stored.microphoneId;
    this.speakerId = stored.speakerId;
    this.volume = stored.volume;
  }

  current(): Omit<MediaPreferences, 'pcConfig'> {
    return { microphoneId: this.microphoneId, speakerId: this.speakerId, volume: this.volume, muted: this.muted };
  }

  save(): void {
    const stored: Stored = { microphoneId: this.microphoneId, speakerId: this.speakerId, volume: this.volume };
    try {
      this.storage?.setItem(STORAGE_KEY, JSON.stringify(stored));
    } catch {
      // Storage full or disabled: the choices last for this page only.
    }
  }

  private read(): Stored {
    try {
      const value: unknown = JSON.parse(this.storage?.getItem(STORAGE_KEY) ?? '{}');
      const record = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
      const volume = Number(record['volume']);
      return {
        microphoneId: typeof record['microphoneId'] === 'string' ? record['microphoneId'] : undefined,
        speakerId: typeof record['speakerId'] === 'string' ? record['speakerId'] : undefined,
        volume: Number.isFinite(volume) && volume >= 0 && volume <= 1 ? volume : 1,
      };
    } catch {
      return { microphoneId: undefined, speakerId: undefined, volume: 1 };
    }
  }
}

function safeLocalStorage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}
