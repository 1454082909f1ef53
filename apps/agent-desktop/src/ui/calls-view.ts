import { el } from '../../../softphone/src/ui/dom';
import type { DesktopState } from '../model/desktop-state';
import type { DesktopConfig } from '../wrap-up/desktop-config';
import { CallCard, type CallActions } from './call-card';

/** The agent's calls: one card each, a consultation inside its original call's card; "No calls" when idle. */
export class CallsView {
  readonly root: HTMLElement;
  private readonly cards = new Map<string, CallCard>();
  private readonly list = el('div', { class: 'call-list' });
  private readonly empty = el('p', { class: 'detail' }, 'No calls.');

  constructor(
    private readonly state: DesktopState,
    private readonly actions: CallActions,
    private readonly config: DesktopConfig,
  ) {
    this.root = el(
      'section',
      { class: 'calls', 'aria-labelledby': 'calls-heading' },
      el('h2', { id: 'calls-heading' }, 'Calls'),
      this.empty,
      this.list,
    );
  }

  render(): void {
    // Original calls first, so that a consultation finds its original's card.
    const calls = [...this.state.calls].sort(
      (a, b) => Number(a.parentId !== undefined) - Number(b.parentId !== undefined),
    );
    const live = new Set(calls.map((call) => call.id));
    for (const [id, card] of this.cards) {
      if (live.has(id)) continue;
      card.root.remove();
      this.cards.delete(id);
    }
    for (const call of calls) {
      const card = this.cards.get(call.id) ?? new CallCard(call, this.actions, this.config);
      this.cards.set(call.id, card);
      card.update(call, this.state.errorOf(call.id));
      const parent = call.parentId === undefined ? undefined : this.cards.get(call.parentId);
      const home = parent !== undefined && parent !== card ? parent.consults : this.list;
      if (card.root.parentElement !== home) home.append(card.root);
    }
    this.empty.hidden = calls.length > 0;
  }

  tick(now: number): void {
    for (const card of this.cards.values()) card.tick(now);
  }
}
