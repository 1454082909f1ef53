import type { IncomingMessage } from 'node:http';
import getRawBody from 'raw-body';

/** Longer than any token request (a user name, a password and a few short fields). */
const MAX_FORM_BYTES = 8 * 1024;

/**
 * The fields of an `application/x-www-form-urlencoded` body, each given once; undefined when the body is of another
 * type, too long, unreadable or repeats a field. Read here because the app parses JSON bodies only.
 */
export async function readFormBody(request: IncomingMessage): Promise<Map<string, string> | undefined> {
  const type = request.headers['content-type'] ?? '';
  if (!/^application\/x-www-form-urlencoded\s*(;|$)/i.test(type)) return undefined;
  let text: string;
  try {
    text = await getRawBody(request, {
      limit: MAX_FORM_BYTES,
      length: request.headers['content-length'],
      encoding: 'utf-8',
    });
  } catch {
    return undefined;
  }
  const fields = new Map<string, string>();
  for (const [name, value] of new URLSearchParams(text)) {
    if (fields.has(name)) return undefined;
    fields.set(name, value);
  }
  return fields;
}
