import { el, labelled, setText } from '../../../softphone/src/ui/dom';

/**
 * Choosing a place: shown when the agent has no default place, or the place is held by someone else (GWS
 * statusCode 1 or 19 at StartContactCenterSession).
 */
export class PlaceView {
  readonly root: HTMLElement;
  private readonly place = labelled('Place', el('input', { type: 'text', name: 'place', autocomplete: 'off' }));
  private readonly message = el('p', { class: 'message error', role: 'alert' });

  constructor(start: (place: string) => Promise<void>, logout: () => Promise<void>) {
    const submit = el('button', { type: 'submit' }, 'Start session');
    const form = el('form', {}, this.place.field, el('div', { class: 'row' }, submit));
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const place = this.place.control.value.trim();
      if (place === '') {
        this.place.control.focus();
        return;
      }
      submit.disabled = true;
      void start(place).finally(() => {
        submit.disabled = false;
      });
    });
    const leave = el('button', { type: 'button', class: 'secondary' }, 'Log out');
    leave.addEventListener('click', () => void logout());
    this.root = el(
      'section',
      { class: 'card place', 'aria-labelledby': 'place-heading' },
      el('h2', { id: 'place-heading' }, 'Choose your place'),
      form,
      this.message,
      el('div', { class: 'row' }, leave),
    );
    this.root.hidden = true;
  }

  show(message: string): void {
    this.root.hidden = false;
    setText(this.message, message);
    this.place.control.focus();
  }

  hide(): void {
    this.root.hidden = true;
    setText(this.message, '');
  }
}
