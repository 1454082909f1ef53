import type { AttributeValue } from '../values/value-type';

export type Attributes = Record<string, AttributeValue>;
type Build = (values: readonly (AttributeValue | undefined)[]) => Attributes;

/** An attribute-name sequence seen on the wire, and once it repeats, an object literal that builds it. */
interface Shape {
  readonly names: readonly string[];
  seen: number;
  build: Build | undefined;
}

const SLOTS = 512;
/** Sightings in a row (no other shape taking the slot) before a shape gets its literal. */
const BUILD_AFTER = 4;
/** Literals compiled per process at most: hostile traffic of ever-new shapes cannot make the decoder compile. */
let buildBudget = 1024;
const shapes: (Shape | undefined)[] = new Array<Shape | undefined>(SLOTS).fill(undefined);

/**
 * The attributes object of a message: `names[i]` holds `values[i]` for i below `count`, in that order.
 *
 * Adding properties to `{}` under names that differ from message to message is a megamorphic keyed store each
 * (about 1,570 of the 26,000 instructions of a decode under callgrind, the costliest V8 builtin). A link repeats a
 * few shapes (an EventRinging carries the same attributes call after call), so a shape seen `BUILD_AFTER` times in a
 * row gets a function whose object literal V8 allocates at its final size in one step. The object is the same either
 * way: the same own properties in the same order. `hash` (any function of the names) only picks the cache slot.
 */
export function buildAttributes(
  names: readonly string[],
  values: readonly (AttributeValue | undefined)[],
  count: number,
  hash: number,
): Attributes {
  const slot = (hash ^ (hash >>> 9)) & (SLOTS - 1);
  const shape = shapes[slot];
  if (shape !== undefined && sameNames(shape.names, names, count)) {
    if (shape.build !== undefined) return shape.build(values);
    if (++shape.seen >= BUILD_AFTER && buildBudget > 0) {
      buildBudget--;
      const build = compile(shape.names);
      shape.build = build;
      return build(values);
    }
  } else {
    shapes[slot] = { names: names.slice(0, count), seen: 1, build: undefined };
  }
  return assign(names, values, count);
}

function assign(names: readonly string[], values: readonly (AttributeValue | undefined)[], count: number): Attributes {
  const attributes: Attributes = {};
  for (let index = 0; index < count; index++) attributes[names[index]!] = values[index]!;
  return attributes;
}

function sameNames(known: readonly string[], names: readonly string[], count: number): boolean {
  if (known.length !== count) return false;
  for (let index = 0; index < count; index++) if (known[index] !== names[index]) return false;
  return true;
}

/**
 * `values => ({ "ThisDN": values[0], ... })`. The names come from the protocol registry, never from the wire, and
 * each is written as a JSON string literal; `__proto__`, which a literal would take as the prototype, keeps the
 * generic path.
 */
function compile(names: readonly string[]): Build {
  const generic: Build = (values) => assign(names, values, names.length);
  if (names.includes('__proto__')) return generic;
  const properties = names.map((name, index) => `${JSON.stringify(name)}: values[${index}]`).join(', ');
  try {
    // eslint-disable-next-line @typescript-eslint/no-implied-eval -- code generated from registry names only, above
    return new Function('values', `return { ${properties} };`) as Build;
  } catch {
    // Code generation from strings is disabled (--disallow-code-generation-from-strings): stay generic from now on.
    buildBudget = 0;
    return generic;
  }
}
