import { el, labelled, setText } from '../../../softphone/src/ui/dom';
import { callSeconds, otherParty, type Call, type UserData } from '../model/call';
import type { OperationError } from '../model/desktop-state';
import type { DesktopConfig } from '../wrap-up/desktop-config';
import { actionButton, clock, keypad, uniqueId } from './controls';
import { UserDataView } from './user-data-view';

/** What a call card asks of the page; each resolves false when GWS refused (the card then shows why). */
export interface CallActions {
  operation(call: Call, operationName: string, parameters?: Readonly<Record<string, unknown>>): Promise<boolean>;
  updateUserData(call: Call, changes: UserData): Promise<boolean>;
  deleteUserDataPair(call: Call, key: string): Promise<boolean>;
}

/** Buttons that need nothing but the call, by capability, in the order they are shown. */
const SIMPLE: readonly (readonly [capability: string, label: string])[] = [
  ['Answer', 'Answer'],
  ['Retrieve', 'Retrieve'],
  ['Hold', 'Hold'],
  ['CompleteTransfer', 'Complete transfer'],
  ['CompleteConference', 'Complete conference'],
  ['SwapCalls', 'Swap'],
  ['Hangup', 'Hang up'],
];

/** Buttons that send the call somewhere: they take the "Destination" field. */
const TO_DESTINATION: readonly (readonly [capability: string, label: string])[] = [
  ['InitiateTransfer', 'Transfer'],
  ['InitiateConference', 'Conference'],
  ['SingleStepTransfer', 'Single-step transfer'],
  ['SingleStepConference', 'Single-step conference'],
  ['Redirect', 'Redirect'],
];

const USER_DATA_CHANGES = ['UpdateUserData', 'AttachUserData'];

/**
 * One call: who, its state and duration, the buttons its `capabilities` allow (nothing else is ever offered), a
 * keypad for tones, the destination for transfers and conferences, the screen pop and the disposition, and the
 * last error GWS reported about it. Consultations sit inside their original call's card.
 */
export class CallCard {
  readonly root: HTMLElement;
  private readonly card: HTMLElement;
  /** Where this call's consultations are placed. */
  readonly consults = el('div', { class: 'consults' });
  private call: Call;
  private readonly heading: HTMLElement;
  private readonly stateText = el('span', { class: 'call-state' });
  private readonly timer = el('span', { class: 'timer' });
  private readonly kind = el('span', { class: 'detail-inline' });
  private readonly error = el('p', { class: 'message error', role: 'alert' });
  private readonly simple = new Map<string, HTMLButtonElement>();
  private readonly toDestination = new Map<string, HTMLButtonElement>();
  private readonly destination = labelled(
    'Destination',
    el('input', { type: 'tel', name: 'destination', autocomplete: 'off', inputmode: 'tel' }),
  );
  private readonly destinationRow: HTMLElement;
  private readonly keypadButton: HTMLButtonElement;
  private readonly keys: HTMLElement;
  /** The tones GWS accepted for this call, in order, as a phone's display shows what was keyed. */
  private readonly tonesSent = el('p', { class: 'detail' });
  private tones = '';
  private readonly partiesList = el('ul', { class: 'parties' });
  private readonly parties: HTMLElement;
  private readonly data: UserDataView;
  private readonly disposition: { field: HTMLElement; control: HTMLSelectElement } | undefined;

  constructor(
    call: Call,
    private readonly actions: CallActions,
    private readonly config: DesktopConfig,
  ) {
    this.call = call;
    const headingId = uniqueId('call-heading');
    this.heading = el('h3', { id: headingId });
    const partiesId = uniqueId('parties');
    this.partiesList.setAttribute('aria-labelledby', partiesId);
    this.parties = el('div', { class: 'party-list' }, el('h4', { id: partiesId }, 'Parties'), this.partiesList);
    const buttons = el('div', { class: 'row actions' });
    for (const [capability, label] of SIMPLE) {
      const button = actionButton(
        label,
        () => this.run(capability),
        capability === 'Hangup' ? { class: 'danger' } : {},
      );
      this.simple.set(capability, button);
      buttons.append(button);
    }
    const keysId = uniqueId('keypad');
    this.keypadButton = el(
      'button',
      { type: 'button', class: 'toggle', 'aria-expanded': 'false', 'aria-controls': keysId },
      'Keypad',
    );
    this.keys = el(
      'div',
      { id: keysId, class: 'tones' },
      keypad('Keypad', (key) => void this.sendTone(key)),
      this.tonesSent,
    );
    this.keys.hidden = true;
    this.keypadButton.addEventListener('click', () => {
      this.keys.hidden = !this.keys.hidden;
      this.keypadButton.setAttribute('aria-expanded', String(!this.keys.hidden));
    });
    buttons.append(this.keypadButton);
    this.destinationRow = el('div', { class: 'row destination' }, this.destination.field);
    for (const [capability, label] of TO_DESTINATION) {
      const button = actionButton(label, () => this.toward(capability));
      this.toDestination.set(capability, button);
      this.destinationRow.append(button);
    }
    this.data = new UserDataView(
      {
        update: (changes) => this.actions.updateUserData(this.call, changes),
        delete: (key) => this.actions.deleteUserDataPair(this.call, key),
      },
      new Set([config.disposition.key]),
    );
    if (config.disposition.codes.length > 0) {
      const select = el('select', { name: 'disposition' }, el('option', { value: '' }, 'Not chosen'));
      for (const code of config.disposition.codes) select.append(el('option', { value: code.code }, code.label));
      select.addEventListener('change', () => {
        if (select.value !== '')
          void this.actions.updateUserData(this.call, { [config.disposition.key]: select.value });
      });
      this.disposition = labelled('Disposition', select);
    }
    this.card = el(
      'section',
      { class: 'card call', 'aria-labelledby': headingId },
      this.heading,
      el('p', { class: 'call-meta' }, this.stateText, ' · ', this.timer, ' · ', this.kind),
      this.error,
      buttons,
      this.keys,
      this.destinationRow,
      this.parties,
      this.disposition?.field ?? '',
      this.data.root,
    );
    // The consultations follow the card, inside one group: shown with their call, yet each its own region.
    this.root = el('div', { class: 'call-group' }, this.card, this.consults);
    this.update(call, undefined);
  }

  get id(): string {
    return this.call.id;
  }

  update(call: Call, error: OperationError | undefined): void {
    this.call = call;
    const consult = call.parentId !== undefined || call.callType === 'Consult';
    setText(this.heading, `${consult ? 'Consultation' : 'Call'} with ${otherParty(call)}`);
    setText(this.stateText, call.state);
    setText(this.kind, call.callType);
    this.card.dataset['state'] = call.state;
    setText(this.error, error?.text ?? '');
    const can = new Set(call.capabilities);
    for (const [capability, button] of this.simple) button.hidden = !can.has(capability);
    let anyDestination = false;
    for (const [capability, button] of this.toDestination) {
      button.hidden = !can.has(capability);
      anyDestination ||= !button.hidden;
    }
    this.destinationRow.hidden = !anyDestination;
    this.keypadButton.hidden = !can.has('SendDtmf');
    if (this.keypadButton.hidden) this.keys.hidden = true;
    this.updateParties(can.has('RemoveParticipantFromConference'));
    const editable = USER_DATA_CHANGES.some((name) => can.has(name));
    this.data.update(call.userData, editable);
    if (this.disposition !== undefined) {
      const chosen = call.userData[this.config.disposition.key];
      if (document.activeElement !== this.disposition.control)
        this.disposition.control.value = chosen === undefined ? '' : String(chosen);
      this.disposition.control.disabled = !can.has('UpdateUserData');
    }
    this.tick(Date.now());
  }

  tick(now: number): void {
    setText(this.timer, clock(callSeconds(this.call, now)));
  }

  /**
   * A conference's parties (more than one other party), each with "Remove <number>" while the call's capabilities
   * allow it. Redrawn only when the parties or that capability change, so focus stays on a button being used.
   */
  private updateParties(removable: boolean): void {
    const numbers = this.call.participants.length > 1 ? this.call.participants : [];
    const key = `${removable}:${numbers.join(',')}`;
    if (this.partiesList.dataset['shown'] === key) return;
    this.partiesList.dataset['shown'] = key;
    this.parties.hidden = numbers.length === 0;
    this.partiesList.replaceChildren(
      ...numbers.map((number) =>
        el(
          'li',
          {},
          el('span', { class: 'party' }, number),
          removable
            ? actionButton(
                `Remove ${number}`,
                () => this.run('RemoveParticipantFromConference', { participant: number }),
                {
                  class: 'secondary',
                },
              )
            : '',
        ),
      ),
    );
  }

  private async sendTone(key: string): Promise<void> {
    if (!(await this.run('SendDtmf', { digits: key }))) return;
    this.tones += key;
    setText(this.tonesSent, `Tones sent: ${this.tones}`);
  }

  private async toward(capability: string): Promise<void> {
    const phoneNumber = this.destination.control.value.trim();
    if (phoneNumber === '') {
      setText(this.error, 'Enter a destination first.');
      this.destination.control.focus();
      return;
    }
    if (await this.run(capability, { destination: { phoneNumber } })) this.destination.control.value = '';
  }

  private run(operationName: string, parameters?: Readonly<Record<string, unknown>>): Promise<boolean> {
    return this.actions.operation(this.call, operationName, parameters);
  }
}
