import { el, setText } from '../../../softphone/src/ui/dom';
import type { UserData } from '../model/call';
import { actionButton, uniqueId } from './controls';

export interface UserDataActions {
  /** UpdateUserData with the changed keys; false when GWS refused it (the card shows why). */
  update(changes: UserData): Promise<boolean>;
  /** DeleteUserDataPair. */
  delete(key: string): Promise<boolean>;
}

interface Row {
  readonly root: HTMLElement;
  readonly input: HTMLInputElement;
  /** The value GWS last reported for the key: the input is being edited while it differs. */
  server: string;
}

/**
 * The screen pop: the call's attached data, one labelled field per key, editable. Values the agent has not touched
 * follow GWS live (the other party's changes appear as they happen); a field being edited keeps the agent's text
 * until "Save data". `hiddenKeys` are shown elsewhere (the disposition).
 */
export class UserDataView {
  readonly root: HTMLElement;
  private readonly rows = new Map<string, Row>();
  private readonly list = el('div', { class: 'data-rows' });
  private readonly empty = el('p', { class: 'detail' }, 'No attached data.');
  private readonly newKey: HTMLInputElement;
  private readonly newValue: HTMLInputElement;
  private readonly saveButton: HTMLButtonElement;

  constructor(
    private readonly actions: UserDataActions,
    private readonly hiddenKeys: ReadonlySet<string>,
  ) {
    const headingId = uniqueId('data-heading');
    const keyId = uniqueId('new-key');
    const valueId = uniqueId('new-value');
    this.newKey = el('input', { type: 'text', id: keyId, name: 'new-key', autocomplete: 'off' });
    this.newValue = el('input', { type: 'text', id: valueId, name: 'new-value', autocomplete: 'off' });
    this.saveButton = actionButton('Save data', () => this.save());
    const add = actionButton('Add', () => this.add());
    this.root = el(
      'section',
      { class: 'screen-pop', 'aria-labelledby': headingId },
      el('h4', { id: headingId }, 'Customer data'),
      this.empty,
      this.list,
      el('div', { class: 'row' }, this.saveButton),
      el(
        'div',
        { class: 'row add-data' },
        el('div', { class: 'field' }, el('label', { for: keyId }, 'New key'), this.newKey),
        el('div', { class: 'field' }, el('label', { for: valueId }, 'New value'), this.newValue),
        add,
      ),
    );
  }

  /** Shows `data`, keeping what the agent is typing. `editable`: the call's capabilities allow user-data changes. */
  update(data: UserData, editable: boolean): void {
    const keys = Object.keys(data).filter((key) => !this.hiddenKeys.has(key));
    for (const [key, row] of this.rows) {
      if (keys.includes(key) || row.input.value !== row.server) continue;
      row.root.remove();
      this.rows.delete(key);
    }
    for (const key of keys) {
      const value = String(data[key]);
      const row = this.rows.get(key) ?? this.addRow(key, value);
      if (row.input.value === row.server) row.input.value = value;
      row.server = value;
    }
    this.empty.hidden = this.rows.size > 0;
    this.root.querySelectorAll('input, button').forEach((control) => {
      (control as HTMLInputElement | HTMLButtonElement).disabled = !editable;
    });
  }

  private addRow(key: string, value: string): Row {
    const id = uniqueId('data');
    const labelId = `${id}-label`;
    const input = el('input', { type: 'text', id, name: `data-${key}`, autocomplete: 'off' });
    input.value = value;
    const label = el('label', { for: id, id: labelId });
    setText(label, key);
    const root = el(
      'div',
      { class: 'data-row', role: 'group', 'aria-labelledby': labelId },
      label,
      input,
      actionButton('Delete', async () => void (await this.actions.delete(key)), { class: 'secondary' }),
    );
    const row: Row = { root, input, server: value };
    this.rows.set(key, row);
    this.list.append(root);
    return row;
  }

  private async save(): Promise<void> {
    const changes: Record<string, string> = {};
    for (const [key, row] of this.rows) if (row.input.value !== row.server) changes[key] = row.input.value;
    if (Object.keys(changes).length === 0) return;
    if (!(await this.actions.update(changes))) return;
    // GWS's AttachedDataChanged brings the saved values; until then the fields keep what was typed.
    for (const [key, value] of Object.entries(changes)) {
      const row = this.rows.get(key);
      if (row !== undefined) row.server = value;
    }
  }

  private async add(): Promise<void> {
    const key = this.newKey.value.trim();
    if (key === '') {
      this.newKey.focus();
      return;
    }
    if (!(await this.actions.update({ [key]: this.newValue.value }))) return;
    this.newKey.value = '';
    this.newValue.value = '';
  }
}
