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
