import type { DirectoryIndex } from '@gws/directory';
import type { LinkLogger } from '@gws/framed-link';
import type { EventSink } from './event-sink';
import type { SwitchTimers } from './switch-timers';

export interface SwitchSettings {
  /** Delay before an external number answers an outbound call. */
  readonly externalAnswerDelayMs: number;
  /** How long a no-answer number (`...0487`) rings before the call is released with CallState NoAnswer. */
  readonly noAnswerTimeoutMs: number;
  /** Cap on a call's packed UserData (T-Server default 16,000 bytes). */
  readonly userDataCapBytes: number;
}

/** What every part of the switch model shares. */
export interface SwitchContext {
  readonly index: DirectoryIndex;
  readonly sink: EventSink;
  readonly timers: SwitchTimers;
  readonly settings: SwitchSettings;
  readonly logger: LinkLogger;
  now(): number;
}
