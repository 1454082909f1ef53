/**
 * The simulators' logger in the simulator child: silent, but it counts errors and warnings for the drive's report.
 * The simulator logs what it cannot do rather than throwing at the caller (an event it cannot encode is logged and
 * not sent), so without this a drive's lost event could look like GWS's (docs/bench-capacity.md, "Lost events").
 */
import type { LinkLogger } from '@gws/framed-link';
import type { SimulatorLog } from './events-protocol';

export class CountingSimulatorLogger implements LinkLogger {
  private errors = 0;
  private warnings = 0;
  private first: string | undefined;

  debug(): void {}

  info(): void {}

  warn(obj: object, msg?: string): void {
    this.warnings++;
    this.first ??= describe('warn', obj, msg);
  }

  error(obj: object, msg?: string): void {
    this.errors++;
    this.first ??= describe('error', obj, msg);
  }

  /** What was logged since the last `take`, then starts over. */
  take(): SimulatorLog {
    const log: SimulatorLog = {
      errors: this.errors,
      warnings: this.warnings,
      ...(this.first === undefined ? {} : { first: this.first }),
    };
    this.errors = 0;
    this.warnings = 0;
    this.first = undefined;
    return log;
  }
}

function describe(level: string, obj: object, msg: string | undefined): string {
  const { err, ...rest } = obj as { err?: unknown };
  const cause = err instanceof Error ? ` (${err.message})` : '';
  return `${level}: ${msg ?? ''} ${JSON.stringify(rest)}${cause}`;
}
