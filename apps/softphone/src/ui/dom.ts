type Attributes = Readonly<Record<string, string | boolean>>;

/** Creates an element with attributes (true: present, false: absent) and children. */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Attributes = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === true) element.setAttribute(name, '');
    else if (value !== false) element.setAttribute(name, value);
  }
  element.append(...children);
  return element;
}

let nextId = 0;

/** A control with its visible label (the label's text is the control's accessible name). */
export function labelled<T extends HTMLInputElement | HTMLSelectElement>(
  text: string,
  control: T,
): { field: HTMLElement; control: T } {
  control.id ||= `sp-${++nextId}`;
  return { field: el('div', { class: 'field' }, el('label', { for: control.id }, text), control), control };
}

/** Sets text only when it changed, so live regions announce changes and nothing else. */
export function setText(element: HTMLElement, text: string): void {
  if (element.textContent !== text) element.textContent = text;
}
