/** A hash as HGETALL answers inside a script (`[field, value, field, value, ...]`) as an object. */
export function fromPairs(flat: readonly string[]): Record<string, string> {
  const fields: Record<string, string> = {};
  for (let i = 0; i + 1 < flat.length; i += 2) fields[flat[i]!] = flat[i + 1]!;
  return fields;
}
