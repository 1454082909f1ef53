import { el, labelled, setText } from '../../../softphone/src/ui/dom';
import type { DesktopState } from '../model/desktop-state';
import { actionButton, keypad } from './controls';

/** Click-to-dial: a phone number field, a dial pad that types into it, and "Call". */
export class DialView {
  readonly root: HTMLElement;
  private readonly number = labelled(
    'Phone number',
    el('input', { type: 'tel', name: 'phone-number', autocomplete: 'off', inputmode: 'tel' }),
  );
  private readonly error = el('p', { class: 'message error', role: 'alert' });

  constructor(
    private readonly state: DesktopState,
    dial: (phoneNumber: string) => Promise<boolean>,
  ) {
    const call = actionButton('Call', async () => {
      const phoneNumber = this.number.control.value.trim();
      if (phoneNumber === '') {
        this.number.control.focus();
        return;
      }
      if (await dial(phoneNumber)) this.number.control.value = '';
    });
    const form = el('form', { class: 'dial-form' }, el('div', { class: 'row' }, this.number.field, call));
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      call.click();
    });
    this.root = el(
      'section',
      { class: 'card dial', 'aria-labelledby': 'dial-heading' },
      el('h2', { id: 'dial-heading' }, 'Make a call'),
      form,
      keypad('Dial pad', (key) => {
        this.number.control.value += key;
      }),
      this.error,
    );
  }

  render(): void {
    setText(this.error, this.state.dialError?.text ?? '');
  }
}
