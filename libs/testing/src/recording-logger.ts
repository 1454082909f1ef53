/** A logger (LinkLogger, pino-shaped) that keeps every line as `level msg {fields}`. */
export interface RecordingLogger {
  readonly lines: string[];
  debug(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

export function recordingLogger(): RecordingLogger {
  const lines: string[] = [];
  const at =
    (level: string) =>
    (obj: object, msg?: string): void =>
      void lines.push(`${level} ${msg ?? ''} ${JSON.stringify(obj)}`);
  return { lines, debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}
