import { el, setText } from '../../../softphone/src/ui/dom';

/** The banner while the CometD link to GWS is broken: what the desktop shows may be out of date. */
export class BannerView {
  readonly root = el('div', { class: 'banner', role: 'alert' });

  constructor() {
    this.root.hidden = true;
  }

  show(text: string): void {
    setText(this.root, text);
    this.root.hidden = false;
  }

  hide(): void {
    this.root.hidden = true;
    setText(this.root, '');
  }
}

/** A visually hidden polite live region: state and call changes said aloud, one at a time. */
export class Announcer {
  readonly root = el('div', { class: 'visually-hidden', role: 'status', 'aria-live': 'polite' });

  say(text: string): void {
    // A repeated text would not be announced again; a trailing no-break space makes it differ.
    this.root.textContent = this.root.textContent === text ? `${text}\u00a0` : text;
  }
}
