import { el, labelled, setText } from '../../../softphone/src/ui/dom';
import type { DesktopState } from '../model/desktop-state';
import { actionButton } from './controls';

export interface StateActions {
  ready(): Promise<void>;
  notReady(reasonCode: string | undefined): Promise<void>;
  afterCallWork(): Promise<void>;
  doNotDisturb(on: boolean): Promise<void>;
  forward(destination: string | undefined): Promise<void>;
}

/**
 * Agent state controls: Ready, Not Ready with a reason from GWS's agent states, After Call Work, Do not disturb
 * and call forwarding (offered when the device's capabilities allow them), with the last refusal. The current state
 * and its time are in the page header, always in view.
 */
export class StateView {
  readonly root: HTMLElement;
  private readonly reason = labelled('Reason', el('select', { name: 'reason' }));
  private readonly dnd = el('button', { type: 'button', class: 'toggle', 'aria-pressed': 'false' }, 'Do not disturb');
  private readonly forwardTo = labelled(
    'Forward to',
    el('input', { type: 'tel', name: 'forward-to', autocomplete: 'off', inputmode: 'tel' }),
  );
  private readonly forwardButton: HTMLButtonElement;
  private readonly forwardRow: HTMLElement;
  private readonly forwarding = el('p', { class: 'detail' });
  private readonly stopForwarding: HTMLButtonElement;
  private readonly error = el('p', { class: 'message error', role: 'alert' });
  private reasonsShown = '';

  constructor(
    private readonly state: DesktopState,
    actions: StateActions,
  ) {
    this.dnd.addEventListener('click', () => {
      this.dnd.disabled = true;
      void actions.doNotDisturb(!this.state.device?.doNotDisturb).finally(() => {
        this.dnd.disabled = false;
      });
    });
    this.forwardButton = actionButton('Forward', async () => {
      const destination = this.forwardTo.control.value.trim();
      if (destination === '') this.forwardTo.control.focus();
      else await actions.forward(destination);
    });
    this.stopForwarding = actionButton('Stop forwarding', () => actions.forward(undefined), { class: 'secondary' });
    this.forwardRow = el('div', { class: 'row' }, this.forwardTo.field, this.forwardButton);
    this.root = el(
      'section',
      { class: 'card agent-state', 'aria-labelledby': 'state-heading' },
      el('h2', { id: 'state-heading' }, 'Agent state'),
      el(
        'div',
        { class: 'row' },
        actionButton('Ready', () => actions.ready(), { class: 'ready' }),
        this.reason.field,
        actionButton('Not Ready', () => actions.notReady(this.reason.control.value || undefined), {
          class: 'not-ready',
        }),
        actionButton('After Call Work', () => actions.afterCallWork(), { class: 'secondary' }),
      ),
      el('div', { class: 'row' }, this.dnd),
      this.forwardRow,
      el('div', { class: 'row' }, this.forwarding, this.stopForwarding),
      this.error,
    );
  }

  render(): void {
    const device = this.state.device;
    const reasons = this.state.reasons;
    const key = reasons.map((reason) => `${reason.code}:${reason.name}`).join('|');
    if (key !== this.reasonsShown) {
      this.reasonsShown = key;
      const chosen = this.reason.control.value;
      this.reason.control.replaceChildren(
        el('option', { value: '' }, 'No reason'),
        ...reasons.map((reason) => el('option', { value: reason.code }, reason.name)),
      );
      this.reason.control.value = reasons.some((reason) => reason.code === chosen) ? chosen : '';
    }
    const can = new Set(device?.capabilities ?? []);
    this.dnd.hidden = !can.has('DoNotDisturbOn') && !can.has('DoNotDisturbOff');
    this.dnd.setAttribute('aria-pressed', String(device?.doNotDisturb ?? false));
    const forwardTo = device?.forwardTo;
    this.forwardRow.hidden = forwardTo !== undefined || !can.has('ForwardCallsOn');
    setText(this.forwarding, forwardTo === undefined ? '' : `Calls are forwarded to ${forwardTo}`);
    this.stopForwarding.hidden = forwardTo === undefined;
    setText(this.error, this.state.stateError?.text ?? '');
  }
}
