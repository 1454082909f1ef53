import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** One simulated agent: its user name and the extension (DN) its place holds. */
export interface LoginBenchAgent {
  readonly userName: string;
  readonly dn: string;
}

export interface LoginBenchDirectory {
  readonly file: string;
  readonly agents: readonly LoginBenchAgent[];
  /** Removes the temporary directory holding the file. */
  remove(): void;
}

/** Extension of agent `n` (1-based): 6 digits, clear of the queue (8001) and the routing point (7001). */
const extensionOf = (n: number): string => String(100000 + n);
const loginCodeOf = (n: number): string => String(200000 + n);

/**
 * A contact center for `count` agents, written as JSON (a subset of YAML) to a temporary file for both simulators
 * (format: docs/contact-center-yaml.md): one switch, `count` extensions, places and agent logins, persons
 * `agent1..agentN` with password `password` and no wrap-up time, one ACD queue, one routing point, the three
 * NotReady action codes and the GWS_Cluster application.
 */
export function writeLoginBenchDirectory(count: number): LoginBenchDirectory {
  const numbers = Array.from({ length: count }, (_, index) => index + 1);
  const document = {
    tenant: 'Environment',
    switches: [{ name: 'SIP_Switch', afterCallWorkReturnsTo: 'Ready' }],
    dns: [
      ...numbers.map((n) => ({ number: extensionOf(n), type: 'Extension' })),
      { number: '8001', type: 'ACDQueue', name: 'Sales_Queue' },
      { number: '7001', type: 'RoutingPoint', name: 'Inbound_RP', routeTo: '8001' },
    ],
    agentLogins: numbers.map((n) => ({ code: loginCodeOf(n) })),
    places: numbers.map((n) => ({ name: `Place_${extensionOf(n)}`, dns: [extensionOf(n)] })),
    skills: ['Sales'],
    actionCodes: [
      { name: 'Break', type: 'NotReady', code: '100' },
      { name: 'Lunch', type: 'NotReady', code: '101' },
      { name: 'Training', type: 'NotReady', code: '102' },
    ],
    persons: numbers.map((n) => ({
      userName: `agent${n}`,
      firstName: 'Agent',
      lastName: String(n),
      password: 'password',
      place: `Place_${extensionOf(n)}`,
      agentLogins: [{ code: loginCodeOf(n), wrapUpTime: 0 }],
      skills: { Sales: 5 },
    })),
    applications: [
      { name: 'SIP_Server', type: 'TServer', options: { TServer: { 'protocol-version': '4.2' } } },
      {
        name: 'GWS_Cluster',
        type: 'ThirdPartyServer',
        options: {
          general: { countryCode: 'US', countryDigits: '1', countryName: 'United States' },
          'agent-desktop': { 'not-ready-reason-key': 'ReasonCode', 'default-queue': '8001' },
          security: { enableCsrfProtection: true },
        },
      },
    ],
  };
  const directory = mkdtempSync(join(tmpdir(), 'gws-login-bench-'));
  const file = join(directory, `contact-center-${count}.yaml`);
  writeFileSync(file, JSON.stringify(document));
  return {
    file,
    agents: numbers.map((n) => ({ userName: `agent${n}`, dn: extensionOf(n) })),
    remove: () => rmSync(directory, { recursive: true, force: true }),
  };
}
