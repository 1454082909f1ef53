import type { LinkLogger } from '@gws/framed-link';

/** A logger that keeps every line as `level msg {fields}`. */
export function recordingLogger(): LinkLogger & { readonly lines: string[] } {
  const lines: string[] = [];
  const at =
    (level: string) =>
    (obj: object, msg?: string): void =>
      void lines.push(`${level} ${msg ?? ''} ${JSON.stringify(obj)}`);
  return { lines, debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}
