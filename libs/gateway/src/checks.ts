/** Checks on values that end up in config files, so that a bad option fails in the renderer with its name. */

export function checkPort(what: string, port: number): number {
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`${what}: not a port: ${port}`);
  return port;
}

export function checkPortRange(what: string, min: number, max: number): void {
  checkPort(`${what} min`, min);
  checkPort(`${what} max`, max);
  if (min > max) throw new Error(`${what}: ${min} > ${max}`);
}

/** An IP address, a host name or an interface name: nothing a config file would read as syntax. */
export function checkHost(what: string, host: string): string {
  if (!/^[A-Za-z0-9._:-]+$/.test(host)) throw new Error(`${what}: not a host: "${host}"`);
  return host;
}

/** `host:port` (IPv4 or a name), split. */
export function parseHostPort(what: string, value: string): { host: string; port: number } {
  const match = /^([A-Za-z0-9._-]+):(\d{1,5})$/.exec(value);
  if (match === null) throw new Error(`${what}: expected host:port, got "${value}"`);
  return { host: match[1]!, port: checkPort(what, Number(match[2])) };
}

/** A whole-number count of seconds, at least `min`. */
export function checkSeconds(what: string, seconds: number, min = 1): number {
  if (!Number.isInteger(seconds) || seconds < min) throw new Error(`${what}: expected whole seconds >= ${min}`);
  return seconds;
}

/** Text placed inside a quoted config value or a one-line directive. */
export function checkToken(what: string, value: string, pattern = /^[^\s"'\\;#]+$/): string {
  if (!pattern.test(value)) throw new Error(`${what}: unsupported characters in "${value}"`);
  return value;
}

/**
 * The pattern goes into the config's quoted strings and guards the Redis commands built from a DN, so it must be
 * anchored at both ends and free of quotes and backslashes (`[0-9]` rather than `\d`).
 */
export function checkDnPattern(pattern: string | RegExp): string {
  const source = typeof pattern === 'string' ? pattern : pattern.source;
  if (!source.startsWith('^') || !source.endsWith('$')) throw new Error(`dnPattern: anchor it (^...$): ${source}`);
  if (/["\\\s]/.test(source)) throw new Error(`dnPattern: no quotes, backslashes or spaces: ${source}`);
  new RegExp(source);
  return source;
}
