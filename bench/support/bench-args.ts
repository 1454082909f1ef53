/** `--name value` and `--name=value` arguments of a benchmark, by name. @throws on a bare argument */
export function parseBenchArgs(argv: readonly string[]): Map<string, string> {
  const values = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('--')) throw new Error(`unexpected argument ${arg}`);
    const equal = arg.indexOf('=');
    if (equal > 0) values.set(arg.slice(2, equal), arg.slice(equal + 1));
    else values.set(arg.slice(2), argv[++i] ?? '');
  }
  return values;
}
