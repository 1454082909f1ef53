/** What stores keep: plain JSON, so a Redis implementation can hold exactly what the memory one does. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

/**
 * What `T` must extend to be plain JSON data: `T extends JsonCompatible<T>` fails for a type holding a function, a
 * `Date`, a `Map` or a required `undefined`. Unlike {@link JsonValue}, which asks for an index signature, it accepts
 * an application's own interfaces, so a store can be typed with them.
 */
export type JsonCompatible<T> = T extends string | number | boolean | null
  ? T
  : T extends readonly (infer E)[]
    ? readonly JsonCompatible<E>[]
    : T extends (...args: never[]) => unknown
      ? never
      : T extends object
        ? { [K in keyof T]: JsonCompatible<T[K]> }
        : never;
