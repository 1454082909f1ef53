import { el, setText } from '../../../softphone/src/ui/dom';
import { otherParty } from '../model/call';
import type { EndedCall } from '../model/desktop-state';
import { actionButton, clock, uniqueId } from '../ui/controls';
import type { DesktopConfig } from './desktop-config';

interface WrapUpCard {
  readonly root: HTMLElement;
  readonly timer: HTMLElement;
  readonly ended: EndedCall;
}

/**
 * After a call the agent talked on: the after-call-work timer (from the call's end), the disposition the call
 * carried when it ended, its data, and "Done", which sets the configured next state (Ready or Not Ready). The
 * disposition is chosen during the call: GWS forgets a call once it is released, so nothing can be attached
 * afterwards (docs/agent-desktop.md, "Wrap-up").
 */
export class WrapUpView {
  readonly root: HTMLElement;
  private readonly cards: WrapUpCard[] = [];

  constructor(
    private readonly config: DesktopConfig,
    private readonly done: (ended: EndedCall) => Promise<boolean>,
  ) {
    this.root = el('div', { class: 'wrap-ups' });
  }

  get pending(): number {
    return this.cards.length;
  }

  add(ended: EndedCall): void {
    const headingId = uniqueId('wrap-up');
    const timer = el('span', { class: 'timer' });
    const key = this.config.disposition.key;
    const code = ended.call.userData[key];
    const label = this.config.disposition.codes.find((entry) => entry.code === String(code))?.label;
    const data = Object.entries(ended.call.userData).filter(([name]) => name !== key);
    const card: WrapUpCard = {
      timer,
      ended,
      root: el(
        'section',
        { class: 'card wrap-up', 'aria-labelledby': headingId },
        el('h3', { id: headingId }, `Wrap-up: call with ${otherParty(ended.call)}`),
        el('p', { class: 'call-meta' }, 'After call work ', timer),
        el(
          'p',
          {},
          code === undefined ? 'No disposition was recorded for this call.' : `Disposition: ${label ?? String(code)}`,
        ),
        data.length === 0
          ? ''
          : el(
              'dl',
              { class: 'data-summary' },
              ...data.flatMap(([name, value]) => [el('dt', {}, name), el('dd', {}, String(value))]),
            ),
        el('div', { class: 'row' }, this.doneButton(ended)),
      ),
    };
    this.cards.push(card);
    this.root.append(card.root);
    this.tick(Date.now());
  }

  /** Drops every wrap-up (logout, or the agent chose a state from the state controls). */
  clear(): void {
    for (const card of this.cards.splice(0)) card.root.remove();
  }

  tick(now: number): void {
    for (const card of this.cards) setText(card.timer, clock((now - card.ended.endedAt) / 1000));
  }

  private doneButton(ended: EndedCall): HTMLButtonElement {
    return actionButton('Done', async () => {
      if (!(await this.done(ended))) return;
      const index = this.cards.findIndex((card) => card.ended === ended);
      if (index >= 0) this.cards.splice(index, 1)[0]!.root.remove();
    });
  }
}
