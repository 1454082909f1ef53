import type { AgentSessionRecord, NodeInfo } from '@gws/stores';
import { routeRequest, type RouteFacts } from './request-route';

const node = (nodeId: string, draining = false): NodeInfo => ({
  nodeId,
  internalUrl: `http://${nodeId}:8080`,
  startedAt: 0,
  draining,
});

const record = (nodeId: string): AgentSessionRecord => ({
  userId: 'u1',
  userName: 'agent1',
  placeName: 'Place_7001',
  loginCode: '1001',
  baseUrl: 'http://gws.example.com',
  dns: ['7001'],
  nodeId,
  updatedAt: 0,
});

const facts = (overrides: Partial<RouteFacts>): RouteFacts => ({
  me: 'me',
  record: undefined,
  owner: undefined,
  held: false,
  draining: false,
  livenessKnown: true,
  fallback: undefined,
  forwarded: false,
  ...overrides,
});

describe('routeRequest', () => {
  it('serves a user with no session, and a session held here, locally', () => {
    expect(routeRequest(facts({}))).toEqual({ kind: 'local' });
    expect(routeRequest(facts({ record: record('me'), owner: node('me'), held: true }))).toEqual({ kind: 'local' });
  });

  it('forwards to the serving node that holds the session, once', () => {
    const a = node('a');
    expect(routeRequest(facts({ record: record('a'), owner: a }))).toEqual({ kind: 'forward', to: a });
    expect(routeRequest(facts({ record: record('a'), owner: a, forwarded: true }))).toEqual({ kind: 'local' });
  });

  it('takes over the session of a dead or draining node', () => {
    expect(routeRequest(facts({ record: record('a') }))).toEqual({ kind: 'take-over', from: 'a' });
    expect(routeRequest(facts({ record: record('a'), owner: node('a', true) }))).toEqual({
      kind: 'take-over',
      from: 'a',
    });
    expect(routeRequest(facts({ record: record('a'), forwarded: true }))).toEqual({ kind: 'take-over', from: 'a' });
  });

  it('sends the session of a dead or draining node to its standby, which takes it over itself', () => {
    const b = node('b');
    expect(routeRequest(facts({ record: record('a'), standby: b }))).toEqual({ kind: 'to-standby', to: b, from: 'a' });
    expect(routeRequest(facts({ record: record('a'), owner: node('a', true), standby: b }))).toEqual({
      kind: 'to-standby',
      to: b,
      from: 'a',
    });
    // This node is the standby, or the request was sent here already: taken over here.
    expect(routeRequest(facts({ record: record('a'), standby: node('me') }))).toEqual({ kind: 'take-over', from: 'a' });
    expect(routeRequest(facts({ record: record('a'), standby: b, forwarded: true }))).toEqual({
      kind: 'take-over',
      from: 'a',
    });
    // Not before the owner is known dead.
    expect(routeRequest(facts({ record: record('a'), standby: b, livenessKnown: false }))).toEqual({
      kind: 'unavailable',
      reason: 'unsettled',
    });
  });

  it('does not take a node missing from the registry until its own heartbeats are settled', () => {
    const unsettled = { record: record('a'), livenessKnown: false };
    expect(routeRequest(facts(unsettled))).toEqual({ kind: 'unavailable', reason: 'unsettled' });
    expect(routeRequest(facts({ ...unsettled, owner: node('a', true) }))).toEqual({ kind: 'take-over', from: 'a' });
    expect(routeRequest(facts({ record: record('me'), livenessKnown: false }))).toEqual({
      kind: 'take-over',
      from: 'me',
    });
  });

  it('adopts a session its record gives to this node but that it does not hold (a restart)', () => {
    expect(routeRequest(facts({ record: record('me'), owner: node('me') }))).toEqual({
      kind: 'take-over',
      from: 'me',
    });
  });

  it('while draining, passes to a serving node what it would serve or take over itself', () => {
    const b = node('b');
    const draining = { draining: true, fallback: b };
    expect(routeRequest(facts({ ...draining }))).toEqual({ kind: 'forward', to: b });
    expect(routeRequest(facts({ ...draining, record: record('me'), held: true }))).toEqual({ kind: 'forward', to: b });
    expect(routeRequest(facts({ ...draining, record: record('a') }))).toEqual({ kind: 'forward', to: b });
    const a = node('a');
    expect(routeRequest(facts({ ...draining, record: record('a'), owner: a }))).toEqual({ kind: 'forward', to: a });
  });

  it('while draining with no node to pass to, serves only users without a session', () => {
    expect(routeRequest(facts({ draining: true }))).toEqual({ kind: 'local' });
    const unavailable = { kind: 'unavailable', reason: 'draining' };
    expect(routeRequest(facts({ draining: true, record: record('me') }))).toEqual(unavailable);
    const passedOnAlready = { draining: true, record: record('a'), fallback: node('b'), forwarded: true };
    expect(routeRequest(facts(passedOnAlready))).toEqual(unavailable);
  });
});
