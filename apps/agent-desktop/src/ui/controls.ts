import { el } from '../../../softphone/src/ui/dom';

/**
 * A real button whose visible text is its accessible name; while its action runs it is disabled, so a double
 * click sends one request.
 */
export function actionButton(
  text: string,
  action: () => Promise<unknown> | void,
  attributes: Readonly<Record<string, string | boolean>> = {},
): HTMLButtonElement {
  const button = el('button', { type: 'button', ...attributes }, text);
  button.addEventListener('click', () => {
    button.disabled = true;
    void Promise.resolve()
      .then(action)
      .finally(() => {
        button.disabled = false;
      });
  });
  return button;
}

/** Minutes and seconds (hours when needed) of a duration in seconds: 0:07, 12:30, 1:02:03. */
export function clock(totalSeconds: number): string {
  const seconds = Math.max(0, Math.floor(totalSeconds));
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = String(seconds % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

/** The twelve keys of a telephone keypad, in its order. */
export const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '0', '#'] as const;

/** A keypad grid: one real button per key. */
export function keypad(label: string, onKey: (key: string) => void): HTMLElement {
  const keys = KEYS.map((key) => {
    const button = el('button', { type: 'button', class: 'key' }, key);
    button.addEventListener('click', () => onKey(key));
    return button;
  });
  return el('div', { class: 'keypad', role: 'group', 'aria-label': label }, ...keys);
}

let nextId = 0;

/** A unique element id for aria-labelledby. */
export function uniqueId(prefix: string): string {
  return `${prefix}-${++nextId}`;
}
