import { listAudioDevices, speakerChoiceSupported, type AudioDevice } from '../audio/audio-devices';
import type { PhoneEvent } from '../phone/event-log';
import type { Preferences } from '../phone/preferences';
import type { Softphone } from '../phone/softphone';
import { el, labelled, setText } from './dom';

const LINK_TEXT = {
  connected: 'Gateway connected',
  connecting: 'Connecting to the gateway…',
  disconnected: 'Gateway not connected',
} as const;

/**
 * The phone: registration indicator, call state, received tones, the GWS "Answer" convenience, mute, audio devices
 * and volume. Status texts sit in live regions so screen readers announce registration and call changes.
 */
export class PhoneView {
  readonly root: HTMLElement;
  private readonly registration = el('p', { class: 'indicator', role: 'status', 'data-state': 'off' });
  private readonly link = el('p', { class: 'detail' });
  private readonly callState = el('p', { class: 'call-state', role: 'status' });
  private readonly caller = el('p', { class: 'detail' });
  private readonly tone = el('p', { class: 'detail', role: 'status' });
  private readonly message = el('p', { class: 'message error', role: 'alert' });
  private readonly answerButton = el('button', { type: 'button' }, 'Answer');
  private readonly muteButton = el('button', { type: 'button', 'aria-pressed': 'false', class: 'toggle' }, 'Mute');
  private readonly microphone = labelled('Microphone', el('select', { name: 'microphone' }));
  private readonly speaker = labelled('Speaker', el('select', { name: 'speaker' }));
  private readonly volume = labelled(
    'Volume',
    el('input', { type: 'range', name: 'volume', min: '0', max: '100', step: '5' }),
  );

  constructor(
    private readonly phone: Softphone,
    private readonly preferences: Preferences,
    /** The "Answer" convenience; the agent desktop leaves it out (its calls list has Answer). */
    private readonly onAnswer: (() => Promise<void>) | undefined,
  ) {
    this.answerButton.hidden = true;
    this.answerButton.addEventListener('click', () => {
      if (onAnswer === undefined) return;
      this.answerButton.disabled = true;
      void onAnswer().finally(() => {
        this.answerButton.disabled = false;
      });
    });
    this.muteButton.addEventListener('click', () => {
      this.preferences.muted = !this.preferences.muted;
      this.phone.preferencesChanged();
      this.render();
    });
    this.volume.control.value = String(Math.round(preferences.volume * 100));
    this.volume.control.addEventListener('input', () => {
      this.preferences.volume = Number(this.volume.control.value) / 100;
      this.preferences.save();
      this.phone.preferencesChanged();
    });
    this.microphone.control.addEventListener('change', () => {
      this.preferences.microphoneId = this.microphone.control.value || undefined;
      this.preferences.save();
      this.phone
        .microphoneChanged()
        .catch((error: unknown) => this.showMessage(`Cannot use that microphone: ${String(error)}`));
    });
    this.speaker.control.disabled = !speakerChoiceSupported;
    this.speaker.control.addEventListener('change', () => {
      this.preferences.speakerId = this.speaker.control.value || undefined;
      this.preferences.save();
      this.phone.preferencesChanged();
    });
    navigator.mediaDevices?.addEventListener('devicechange', () => void this.refreshDevices());
    this.root = el(
      'section',
      { class: 'card phone', 'aria-labelledby': 'phone-heading' },
      el('h2', { id: 'phone-heading' }, 'Phone'),
      this.registration,
      this.link,
      this.callState,
      this.caller,
      this.tone,
      el('div', { class: 'row' }, this.answerButton, this.muteButton),
      el('div', { class: 'devices' }, this.microphone.field, this.speaker.field, this.volume.field),
      speakerChoiceSupported ? '' : el('p', { class: 'detail' }, 'This browser cannot choose the speaker.'),
      this.message,
    );
    this.render();
  }

  show(): void {
    this.root.hidden = false;
  }

  hide(): void {
    this.root.hidden = true;
  }

  showMessage(text: string): void {
    setText(this.message, text);
  }

  /** Redraws from the softphone's state (called on every change it reports). */
  render(): void {
    const phone = this.phone;
    setText(this.registration, phone.registration);
    this.registration.dataset['state'] =
      phone.registration === 'Registered'
        ? 'on'
        : phone.registration.startsWith('Registration failed')
          ? 'failed'
          : 'off';
    setText(
      this.link,
      phone.running ? `${LINK_TEXT[phone.link]}${phone.dn === undefined ? '' : ` · DN ${phone.dn}`}` : '',
    );
    const call = phone.focusedCall;
    const live = phone.calls.filter((candidate) => !candidate.ended).length;
    setText(this.callState, call === undefined ? 'No call' : call.state);
    this.callState.dataset['state'] = call?.state ?? 'none';
    setText(
      this.caller,
      call === undefined
        ? ''
        : `${call.ended ? 'Last call' : 'Call'} with ${call.remoteParty}${live > 1 ? ` (${live} calls)` : ''}`,
    );
    this.answerButton.hidden = this.onAnswer === undefined || !phone.calls.some((candidate) => candidate.ringing);
    // A toggle keeps its name; its state is aria-pressed (WAI-ARIA button pattern).
    this.muteButton.setAttribute('aria-pressed', String(this.preferences.muted));
  }

  /** Shows a tone the other side sent (SIP INFO), e.g. "Received tone 5". */
  phoneEvent(event: PhoneEvent): void {
    if (event.type === 'dtmf') setText(this.tone, `Received tone ${String(event.detail?.['tone'])}`);
    if (event.type === 'incoming') setText(this.tone, '');
  }

  /** Fills the device lists (labels appear once the page has had the microphone); never rejects. */
  async refreshDevices(): Promise<void> {
    let devices: Awaited<ReturnType<typeof listAudioDevices>>;
    try {
      devices = await listAudioDevices();
    } catch (error) {
      this.showMessage(`Cannot list the audio devices: ${String(error)}`);
      return;
    }
    fill(this.microphone.control, devices.microphones, this.preferences.microphoneId, 'Default microphone');
    fill(this.speaker.control, devices.speakers, this.preferences.speakerId, 'Default speaker');
  }
}

function fill(
  select: HTMLSelectElement,
  devices: readonly AudioDevice[],
  chosen: string | undefined,
  fallback: string,
): void {
  const options = [el('option', { value: '' }, fallback)];
  for (const device of devices) {
    if (device.id === 'default') continue;
    options.push(el('option', { value: device.id }, device.label));
  }
  select.replaceChildren(...options);
  select.value = chosen !== undefined && devices.some((device) => device.id === chosen) ? chosen : '';
}
