/** A directory file that does not parse, does not match the schema, or refers to objects it does not define. */
export class DirectoryError extends Error {
  constructor(
    readonly source: string,
    readonly problems: readonly string[],
  ) {
    super(`${source}: ${problems.length === 1 ? problems[0] : `\n  - ${problems.join('\n  - ')}`}`);
    this.name = 'DirectoryError';
  }
}
