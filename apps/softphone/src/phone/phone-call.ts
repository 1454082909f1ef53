import type { IncomingDTMFEvent, OutgoingDTMFEvent, RTCSession } from 'jssip/lib/RTCSession';
import { microphoneConstraints } from '../audio/audio-devices';
import { LevelMeter } from '../audio/level-meter';
import { interceptCtiControl, type CtiCommand } from './cti-control';
import type { EventLog } from './event-log';

/** What the page shows for a call. */
export type CallState = 'Ringing' | 'Connected' | 'On hold' | 'Call ended';

/** The agent's current choices, read when the call needs them (answering, a device change). */
export interface MediaPreferences {
  readonly pcConfig: RTCConfiguration;
  readonly microphoneId: string | undefined;
  readonly speakerId: string | undefined;
  /** 0..1 */
  readonly volume: number;
  readonly muted: boolean;
}

/** Counters of the call's RTCPeerConnection (`window.softphone.stats()`). */
export interface CallStats {
  readonly inboundPackets: number;
  readonly outboundPackets: number;
  /** host, srflx, prflx or relay: the local end of the nominated candidate pair; null before ICE chose one. */
  readonly localCandidateType: string | null;
  readonly dtlsState: string | null;
}

/**
 * One incoming SIP call on the agent's DN. It is answered only when GWS says so (NOTIFY `Event: talk`, see
 * cti-control.ts) or when the INVITE asks for auto-answer; the remote audio plays in an audio element of its own.
 */
export class PhoneCall {
  private current: CallState = 'Ringing';
  private answering = false;
  private readonly audio = new Audio();
  private meter: LevelMeter | undefined;
  private remoteStream: MediaStream | undefined;

  constructor(
    readonly session: RTCSession,
    /** Who calls: the INVITE's From, display name and user part. */
    readonly remoteParty: string,
    private readonly preferences: () => MediaPreferences,
    private readonly log: EventLog,
    private readonly changed: (call: PhoneCall) => void,
  ) {
    this.audio.autoplay = true;
    this.applyOutput();
    interceptCtiControl(session, (command) => this.onCtiCommand(command));
    session.on('peerconnection', ({ peerconnection }) => {
      peerconnection.addEventListener('track', (event) => {
        if (event.track.kind === 'audio') this.playRemote(event.streams[0] ?? new MediaStream([event.track]));
      });
      peerconnection.addEventListener('connectionstatechange', () =>
        this.log.add('pc-state', { state: peerconnection.connectionState }),
      );
    });
    session.on('accepted', () => this.setState('Connected', 'accepted'));
    session.on('confirmed', () => {
      this.playRemoteFromReceivers();
      this.setState('Connected', 'confirmed');
      this.applyMute();
    });
    session.on('hold', ({ originator }) => this.onHoldChange('hold', originator));
    session.on('unhold', ({ originator }) => this.onHoldChange('unhold', originator));
    session.on('newDTMF', ({ originator, dtmf }: IncomingDTMFEvent | OutgoingDTMFEvent) => {
      if (String(originator) !== 'remote') return;
      this.log.add('dtmf', { tone: dtmf.tone, duration: dtmf.duration });
      this.changed(this);
    });
    session.on('ended', ({ originator, cause }) => this.finish('ended', String(originator), cause));
    session.on('failed', ({ originator, cause }) => this.finish('failed', String(originator), cause));
    session.on('getusermediafailed', (error: unknown) =>
      this.log.add('microphone-failed', { message: error instanceof Error ? error.message : String(error) }),
    );
  }

  get state(): CallState {
    return this.current;
  }

  get ended(): boolean {
    return this.current === 'Call ended';
  }

  /** Ringing and not being answered yet (the ring tone and the "Answer" button follow this). */
  get ringing(): boolean {
    return this.current === 'Ringing' && !this.answering;
  }

  /** Answers as the endpoint; only on GWS's word (talk) or an auto-answer INVITE. */
  answer(why: 'cti-talk' | 'auto-answer'): void {
    if (this.answering || this.session.isEstablished() || this.session.isEnded()) return;
    this.answering = true;
    const { pcConfig, microphoneId } = this.preferences();
    this.log.add('answer', { why });
    this.session.answer({ mediaConstraints: microphoneConstraints(microphoneId), pcConfig });
  }

  /** RMS 0..1 of what the other side sends, as played; 0 without remote audio. */
  inboundLevel(): number {
    return this.meter?.level() ?? 0;
  }

  async stats(): Promise<CallStats> {
    const connection = this.connection();
    if (connection === undefined) return emptyStats();
    return statsOf(await connection.getStats());
  }

  /** Applies the mute preference to the microphone of the call (JsSIP disables the audio senders' tracks). */
  applyMute(): void {
    if (this.connection() === undefined) return;
    if (this.preferences().muted) this.session.mute({ audio: true });
    else this.session.unmute({ audio: true });
  }

  /** Applies the speaker and volume preferences to the call's audio element. */
  applyOutput(): void {
    const { speakerId, volume } = this.preferences();
    this.audio.volume = volume;
    if (speakerId !== undefined && typeof this.audio.setSinkId === 'function' && this.audio.sinkId !== speakerId) {
      this.audio
        .setSinkId(speakerId)
        .catch((error: unknown) => this.log.add('speaker-failed', { message: String(error) }));
    }
  }

  /** Moves a running call to the chosen microphone (its sender's track is replaced; no renegotiation). */
  async applyMicrophone(): Promise<void> {
    const connection = this.connection();
    const sender = connection?.getSenders().find((candidate) => candidate.track?.kind === 'audio');
    if (sender === undefined || this.ended) return;
    const stream = await navigator.mediaDevices.getUserMedia(microphoneConstraints(this.preferences().microphoneId));
    const [track] = stream.getAudioTracks();
    if (track === undefined) return;
    const previous = sender.track;
    await sender.replaceTrack(track);
    previous?.stop();
    this.applyMute();
  }

  private connection(): RTCPeerConnection | undefined {
    // JsSIP creates the connection when the call is answered; before that the getter returns null (typed otherwise).
    const connection = this.session.connection as RTCPeerConnection | null | undefined;
    return connection ?? undefined;
  }

  private onCtiCommand(command: CtiCommand): void {
    this.log.add('cti-notify', { event: command, state: this.current });
    if (command === 'hold') {
      if (this.session.isEstablished()) this.session.hold();
    } else if (!this.session.isEstablished()) {
      this.answer('cti-talk');
    } else if (this.session.isOnHold().local) {
      this.session.unhold();
    }
  }

  private onHoldChange(change: 'hold' | 'unhold', originator: string): void {
    this.log.add(change, { originator });
    const held = this.session.isOnHold();
    this.setState(held.local || held.remote ? 'On hold' : 'Connected', change);
  }

  private playRemote(stream: MediaStream): void {
    if (this.remoteStream === stream) return;
    this.remoteStream = stream;
    this.audio.srcObject = stream;
    this.audio.play().catch((error: unknown) => this.log.add('autoplay-blocked', { message: String(error) }));
    this.meter?.close();
    this.meter = new LevelMeter(stream);
    this.log.add('remote-audio', { tracks: stream.getAudioTracks().length });
  }

  /** In case the track event came before the listener (JsSIP attaches the remote description early). */
  private playRemoteFromReceivers(): void {
    if (this.remoteStream !== undefined) return;
    const tracks = this.connection()
      ?.getReceivers()
      .map((receiver) => receiver.track)
      .filter((track) => track.kind === 'audio');
    if (tracks !== undefined && tracks.length > 0) this.playRemote(new MediaStream(tracks));
  }

  private setState(state: CallState, why: string): void {
    if (this.current === 'Call ended') return;
    if (state !== this.current) this.log.add('call-state', { state, why });
    this.current = state;
    this.changed(this);
  }

  private finish(how: 'ended' | 'failed', originator: string, cause: string): void {
    this.log.add(how, { originator, cause });
    this.setState('Call ended', how);
    this.meter?.close();
    this.meter = undefined;
    this.audio.srcObject = null;
  }
}

function emptyStats(): CallStats {
  return { inboundPackets: 0, outboundPackets: 0, localCandidateType: null, dtlsState: null };
}

/** Reads the audio RTP counters, the transport's DTLS state and the nominated pair's local candidate. */
function statsOf(report: RTCStatsReport): CallStats {
  let inboundPackets = 0;
  let outboundPackets = 0;
  let dtlsState: string | null = null;
  let pairId: string | undefined;
  const byId = new Map<string, Record<string, unknown>>();
  report.forEach((entry: Record<string, unknown>) => {
    byId.set(String(entry['id']), entry);
    if (entry['type'] === 'inbound-rtp' && entry['kind'] === 'audio')
      inboundPackets += Number(entry['packetsReceived'] ?? 0);
    if (entry['type'] === 'outbound-rtp' && entry['kind'] === 'audio')
      outboundPackets += Number(entry['packetsSent'] ?? 0);
    if (entry['type'] === 'transport') {
      dtlsState = typeof entry['dtlsState'] === 'string' ? entry['dtlsState'] : dtlsState;
      if (typeof entry['selectedCandidatePairId'] === 'string') pairId = entry['selectedCandidatePairId'];
    }
  });
  const pair = pairId === undefined ? findNominatedPair(byId) : byId.get(pairId);
  const local = pair === undefined ? undefined : byId.get(String(pair['localCandidateId']));
  const localCandidateType = typeof local?.['candidateType'] === 'string' ? local['candidateType'] : null;
  return { inboundPackets, outboundPackets, localCandidateType, dtlsState };
}

/** Browsers that do not name the selected pair on the transport: the nominated, succeeded one. */
function findNominatedPair(byId: Map<string, Record<string, unknown>>): Record<string, unknown> | undefined {
  for (const entry of byId.values()) {
    if (entry['type'] === 'candidate-pair' && entry['nominated'] === true && entry['state'] === 'succeeded')
      return entry;
  }
  return undefined;
}
