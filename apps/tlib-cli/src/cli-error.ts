/** Bad input to the CLI (arguments, hex, JSON): printed as one `tlib: <reason>` line, exit code 2. */
export class CliError extends Error {
  override readonly name = 'CliError';
}
