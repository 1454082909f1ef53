/**
 * `--name value`, `--name=value` and bare `--flag` arguments of a benchmark, by name; a bare flag (followed by
 * another option or by nothing) reads as `true`. @throws on an argument that is not an option
 */
export function parseBenchArgs(argv: readonly string[]): Map<string, string> {
  const values = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('--')) throw new Error(`unexpected argument ${arg}`);
    const equal = arg.indexOf('=');
    if (equal > 0) values.set(arg.slice(2, equal), arg.slice(equal + 1));
    else if (argv[i + 1] === undefined || argv[i + 1]!.startsWith('--')) values.set(arg.slice(2), 'true');
    else values.set(arg.slice(2), argv[++i]!);
  }
  return values;
}
