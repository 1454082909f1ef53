import { buildDirectory, type ContactCenterDirectory } from '@gws/directory';

/**
 * A small contact center for tests: extensions 5001-5006, queue 8001, routing point 7001 -> 8001, a second queue
 * 8002; logins 1001-1006 (1005 has password `secret`); agent3 (login 1003) has 1 s of after-call work.
 */
export function testDirectory(afterCallWorkReturnsTo: 'Ready' | 'NotReady' = 'Ready'): ContactCenterDirectory {
  const numbers = ['5001', '5002', '5003', '5004', '5005', '5006'];
  return buildDirectory({
    switches: [{ name: 'SIP_Switch', afterCallWorkReturnsTo }],
    dns: [
      ...numbers.map((number) => ({ number, type: 'Extension' as const })),
      { number: '8001', type: 'ACDQueue', name: 'Sales_Queue' },
      { number: '8002', type: 'ACDQueue', name: 'Support_Queue' },
      { number: '7001', type: 'RoutingPoint', name: 'Inbound_RP', routeTo: '8001' },
    ],
    agentLogins: [
      { code: '1001' },
      { code: '1002' },
      { code: '1003' },
      { code: '1004' },
      { code: '1005', password: 'secret' },
      { code: '1006' },
    ],
    places: numbers.map((number) => ({ name: `Place_${number}`, dns: [number] })),
    persons: [1, 2, 3, 4, 5, 6].map((n) => ({
      userName: `agent${n}`,
      password: 'password',
      place: `Place_500${n}`,
      agentLogins: [{ code: `100${n}`, wrapUpTime: n === 3 ? 1 : 0 }],
    })),
  });
}
