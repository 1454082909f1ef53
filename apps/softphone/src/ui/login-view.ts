import { el, labelled } from './dom';

/** The login form: "User name", "Password", "Log in", and a message for refusals. */
export class LoginView {
  readonly root: HTMLElement;
  private readonly userName: HTMLInputElement;
  private readonly password: HTMLInputElement;
  private readonly submit: HTMLButtonElement;
  private readonly message: HTMLElement;

  constructor(onLogin: (userName: string, password: string) => Promise<void>) {
    const userName = labelled(
      'User name',
      el('input', { type: 'text', name: 'username', autocomplete: 'username', required: true, autocapitalize: 'none' }),
    );
    const password = labelled(
      'Password',
      el('input', { type: 'password', name: 'password', autocomplete: 'current-password', required: true }),
    );
    this.userName = userName.control;
    this.password = password.control;
    this.submit = el('button', { type: 'submit' }, 'Log in');
    this.message = el('p', { class: 'message error', role: 'alert' });
    const form = el('form', { 'aria-labelledby': 'login-heading' }, userName.field, password.field, this.submit);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.submit.disabled = true;
      this.showMessage('');
      void onLogin(this.userName.value.trim(), this.password.value).finally(() => {
        this.submit.disabled = false;
      });
    });
    this.root = el('section', { class: 'card login' }, el('h2', { id: 'login-heading' }, 'Log in'), form, this.message);
  }

  show(message = ''): void {
    this.root.hidden = false;
    this.password.value = '';
    this.showMessage(message);
    (this.userName.value === '' ? this.userName : this.password).focus();
  }

  hide(): void {
    this.root.hidden = true;
    this.password.value = '';
    this.showMessage('');
  }

  showMessage(text: string): void {
    this.message.textContent = text;
  }
}
