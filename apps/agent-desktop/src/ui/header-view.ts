import { el, setText } from '../../../softphone/src/ui/dom';
import type { DesktopState } from '../model/desktop-state';
import { stateLabel } from '../model/device';
import { actionButton, clock } from './controls';

/** The bar at the top, always in view: who is logged in, the DN, the current state and its time, "Log out". */
export class HeaderView {
  readonly root: HTMLElement;
  private readonly agent = el('span', { class: 'agent' });
  private readonly stateName = el('strong', { class: 'state-name' });
  private readonly stateTime = el('span', { class: 'timer' });
  private readonly status: HTMLElement;
  private readonly logoutButton: HTMLButtonElement;

  constructor(
    private readonly state: DesktopState,
    logout: () => Promise<void>,
  ) {
    this.logoutButton = actionButton('Log out', logout, { class: 'secondary' });
    this.status = el('p', { class: 'current-state' }, this.stateName, ' ', this.stateTime);
    this.root = el(
      'header',
      { class: 'top-bar' },
      el('h1', {}, 'Agent desktop'),
      this.agent,
      this.status,
      this.logoutButton,
    );
    this.showLoggedOut();
  }

  showAgent(name: string): void {
    this.logoutButton.hidden = false;
    this.status.hidden = false;
    this.agent.dataset['name'] = name;
    setText(this.agent, name);
  }

  showLoggedOut(): void {
    this.logoutButton.hidden = true;
    this.status.hidden = true;
    delete this.agent.dataset['name'];
    setText(this.agent, '');
  }

  render(): void {
    const device = this.state.device;
    const dn = device === undefined ? '' : ` · DN ${device.phoneNumber}`;
    setText(this.agent, `${this.agent.dataset['name'] ?? ''}${dn}`);
    setText(this.stateName, device === undefined ? 'No session' : stateLabel(device.userState));
    this.status.dataset['state'] = device?.userState.state ?? 'none';
    this.status.dataset['workMode'] = device?.userState.workMode ?? '';
    this.tick(Date.now());
  }

  tick(now: number): void {
    setText(this.stateTime, this.state.device === undefined ? '' : clock((now - this.state.stateSince) / 1000));
  }
}
