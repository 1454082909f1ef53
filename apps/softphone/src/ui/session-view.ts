import { el, labelled, setText } from './dom';

export interface SessionActions {
  /** Start (or join) the contact-center session at `place` (empty: the agent's default place). */
  start(place: string): Promise<void>;
  logout(): Promise<void>;
}

/** Who is logged in, the contact-center session ("Start session", "Place", "Log out") and its messages. */
export class SessionView {
  readonly root: HTMLElement;
  private readonly agent: HTMLElement;
  private readonly status: HTMLElement;
  private readonly placeField: HTMLElement;
  private readonly place: HTMLInputElement;
  private readonly startButton: HTMLButtonElement;
  private readonly logoutButton: HTMLButtonElement;
  private readonly message: HTMLElement;

  constructor(actions: SessionActions) {
    const place = labelled('Place', el('input', { type: 'text', name: 'place', placeholder: 'your default place' }));
    this.place = place.control;
    this.placeField = place.field;
    this.agent = el('p', { class: 'agent' });
    this.status = el('p', { role: 'status' });
    this.startButton = el('button', { type: 'button' }, 'Start session');
    this.logoutButton = el('button', { type: 'button', class: 'secondary' }, 'Log out');
    this.message = el('p', { class: 'message', role: 'alert' });
    const busy = (button: HTMLButtonElement, action: () => Promise<void>): void => {
      button.addEventListener('click', () => {
        button.disabled = true;
        void action().finally(() => {
          button.disabled = false;
        });
      });
    };
    busy(this.startButton, () => actions.start(this.place.value.trim()));
    busy(this.logoutButton, () => actions.logout());
    this.root = el(
      'section',
      { class: 'card session', 'aria-labelledby': 'session-heading' },
      el('h2', { id: 'session-heading' }, 'Session'),
      this.agent,
      this.status,
      el('div', { class: 'row' }, this.placeField, this.startButton),
      this.message,
      el('div', { class: 'row' }, this.logoutButton),
    );
  }

  show(agentName: string): void {
    this.root.hidden = false;
    setText(this.agent, `Logged in as ${agentName}`);
  }

  hide(): void {
    this.root.hidden = true;
    this.showMessage('');
  }

  /** No session yet: the Place field and "Start session"; with one, its DN and (after a failure) a retry. */
  showSession(dn: string | undefined, retryLabel?: string): void {
    setText(this.status, dn === undefined ? 'No contact-center session' : `Session active on DN ${dn}`);
    this.placeField.hidden = dn !== undefined;
    this.startButton.hidden = dn !== undefined && retryLabel === undefined;
    setText(this.startButton, dn === undefined ? 'Start session' : (retryLabel ?? 'Start session'));
  }

  showMessage(text: string, kind: 'error' | 'info' = 'error'): void {
    this.message.className = `message ${kind}`;
    setText(this.message, text);
  }
}
