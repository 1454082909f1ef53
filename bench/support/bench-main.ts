/**
 * Runs a benchmark's `main` and exits with its code once stdout is written: keep-alive sockets of fetch and of the
 * CometD transport would otherwise hold the event loop open. A failure is written to stderr through `log`, exit 1.
 */
export function exitWith(main: () => Promise<number>, log: (line: string) => void): void {
  main().then(
    (code) => process.stdout.write('', () => process.exit(code)),
    (error: unknown) => {
      log(error instanceof Error ? (error.stack ?? error.message) : String(error));
      process.exit(1);
    },
  );
}

/**
 * Bounds a whole run, set-up and shut-down included: past `boundMs` the process exits with code 2, which ends the
 * children through their IPC channel. Unref'd, so it never keeps a finished run alive.
 */
export function exitAfter(boundMs: number, log: (line: string) => void): void {
  setTimeout(() => {
    log('global deadline passed: giving up');
    process.exit(2);
  }, boundMs).unref();
}
