/**
 * Scenario 5 of `bench/soak.ts`: malformed REST input from an agent in session (cookie and CSRF token), each case
 * several times: every one must be refused (400, or 413 for the oversized body), never answered 500. The e2e
 * regression of the same findings: test/gws-malformed-input.e2e-spec.ts.
 */
import { seatAgent, type Scenario } from './soak-context';
import { StatusTally } from './soak-http';

/** Busy at once (docs/simulator.md): a Dial that goes through ends by itself, leaving no call behind. */
const BUSY_NUMBER = '+15550000486';

type Case = readonly [name: string, method: 'GET' | 'POST', path: string, body: string | undefined, expected: number[]];

function cases(deviceId: string): Case[] {
  const dial = `/api/v2/me/devices/${deviceId}/calls`;
  const dialWith = (userData: string): string =>
    `{"operationName":"Dial","destination":{"phoneNumber":"${BUSY_NUMBER}"},"userData":${userData}}`;
  const voice = '/api/v2/me/channels/voice';
  return [
    [
      'nested10000',
      'POST',
      voice,
      `{"operationName":"NotReady","reasonCode":${'['.repeat(1e4)}${']'.repeat(1e4)}}`,
      [400],
    ],
    ['userDataProto', 'POST', dial, dialWith('{"__proto__":{"polluted":"yes"}}'), [400]],
    ['userDataConstructor', 'POST', dial, dialWith('{"constructor":{"prototype":{"polluted":"yes"}}}'), [400]],
    ['userDataPrototype', 'POST', dial, dialWith('{"Segment":"Gold","prototype":"x"}'), [400]],
    // Taken as absent: the Dial goes ahead (or is refused if the last one's call is still up), never 500.
    ['userDataNull', 'POST', dial, dialWith('null'), [200, 400]],
    ['repeatedFieldsMe', 'GET', '/api/v2/me?fields=id&fields=userName', undefined, [400]],
    ['repeatedSubresourcesMe', 'GET', '/api/v2/me?subresources=devices&subresources=calls', undefined, [400]],
    ['repeatedFieldsCalls', 'GET', '/api/v2/me/calls?fields=*&fields=id', undefined, [400]],
    ['malformedJson', 'POST', voice, '{"operationName":', [400]],
    ['oversizedBody', 'POST', voice, `{"operationName":"Ready","pad":"${'x'.repeat(200 * 1024)}"}`, [413]],
  ];
}

export const restMalformed: Scenario = {
  name: 'rest-malformed',
  budgetMs: 10_000,
  async run(context) {
    const { agent, device } = await seatAgent(context, 'agent15');
    const byCase: Record<string, StatusTally> = {};
    const unexpected: string[] = [];
    for (let round = 0; round < context.options.restRepeats && !context.expired(); round++) {
      for (const [name, method, path, body, expected] of cases(device.id)) {
        const tally = (byCase[name] ??= new StatusTally());
        const status = await agent.request(method, path, body).then(
          (answer) => answer.status,
          () => 0,
        );
        if (status === 0) tally.error(undefined);
        else tally.status(status);
        if (!expected.includes(status)) unexpected.push(`${name}: ${status}`);
      }
    }
    const stillServing = (await agent.get('/api/v2/me/devices')).status;
    return {
      cases: Object.fromEntries(Object.entries(byCase).map(([name, tally]) => [name, tally.byStatus])),
      unexpected: unexpected.slice(0, 20),
      unexpectedCount: unexpected.length,
      devicesAfterStatus: stillServing,
      ok: unexpected.length === 0 && stillServing === 200,
    };
  },
};
