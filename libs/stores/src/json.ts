/** What stores keep: plain JSON, so a Redis implementation can hold exactly what the memory one does. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };
