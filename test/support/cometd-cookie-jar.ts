/**
 * Cookie store for cometd-nodejs-client's XMLHttpRequest, one jar per hostname, as a browser keeps them:
 * the server's `Set-Cookie` (BAYEUX_BROWSER) lands in the jar of the host that sent it, and tests put the
 * session cookie (JSESSIONID) of a simulated browser into the jar of that browser's own hostname.
 * Only name=value is kept (no path, expiry or domain): every host here is a single test server.
 */
export class CometdCookieJar {
  private readonly jars = new Map<string, Map<string, string>>();

  set(hostname: string, name: string, value: string): void {
    this.jarOf(hostname).set(name, value);
  }

  get(hostname: string, name: string): string | undefined {
    return this.jars.get(hostname)?.get(name);
  }

  clear(hostname: string): void {
    this.jars.delete(hostname);
  }

  /** cometd-nodejs-client hook: a `Set-Cookie` header from `uri`. */
  storeCookie(uri: URL, header: string, callback: (failure: Error | null, cookie: unknown) => void): void {
    const nameValue = header.split(';')[0]?.trim() ?? '';
    const equal = nameValue.indexOf('=');
    if (equal > 0) this.set(uri.hostname, nameValue.slice(0, equal), nameValue.slice(equal + 1));
    callback(null, nameValue);
  }

  /** cometd-nodejs-client hook: the cookies to send to `uri`, as `name=value` strings. */
  retrieveCookies(_context: unknown, uri: URL, callback: (failure: Error | null, cookies: string[]) => void): void {
    const jar = this.jars.get(uri.hostname);
    callback(null, jar ? [...jar].map(([name, value]) => `${name}=${value}`) : []);
  }

  private jarOf(hostname: string): Map<string, string> {
    let jar = this.jars.get(hostname);
    if (!jar) this.jars.set(hostname, (jar = new Map<string, string>()));
    return jar;
  }
}
