/**
 * GWS collection answers: without `fields` only the items' URIs; with `fields=*` whole items under the plural name;
 * with `fields=a,b` those fields of each item (plus `id`).
 */
export function collectionAnswer<T extends { uri: string }>(
  plural: string,
  items: readonly T[],
  fields: string | undefined,
): Record<string, unknown> {
  if (fields === undefined || fields === '') return { statusCode: 0, uris: items.map((item) => item.uri) };
  return { statusCode: 0, [plural]: items.map((item) => pickFields(item, fields)) };
}

/**
 * The item itself for `*` or no selection; otherwise only the listed fields (and `id`). A field the item does not
 * have is left out, as optional fields (`forwardTo`) are absent when unset.
 */
export function pickFields<T extends object>(item: T, fields: string | undefined): Partial<T> {
  if (fields === undefined || fields === '' || fields === '*') return item;
  const wanted = new Set(['id', ...fields.split(',').map((name) => name.trim())]);
  return Object.fromEntries(Object.entries(item).filter(([name]) => wanted.has(name))) as Partial<T>;
}
