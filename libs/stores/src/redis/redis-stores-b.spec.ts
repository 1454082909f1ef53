import { startRedisServer, waitFor, type TestRedisServer } from '@gws/testing';
import { systemClock } from '../clock';
import { describeDnMapContract } from '../testing/dn-map.contract';
import { ManualClock } from '../testing/manual-clock';
import { redisTestLink } from '../testing/redis-test-link';
import { describeUserEventStreamContract, type ContractTopics } from '../testing/user-event-stream.contract';
import type { UserEvent, UserEventStreamOptions } from '../user-event-stream/user-event-stream';
import type { DnMapping } from '../dn-map/dn-map';
import { RedisDnMap } from './redis-dn-map';
import { RedisUserEventStream } from './redis-user-event-stream';
import { UserEventGapFiller } from './user-event-gap-filler';

type Event = UserEvent<ContractTopics>;

let server: TestRedisServer;
const links: ReturnType<typeof redisTestLink>[] = [];

/** A node's link; given the prefix of another, a second node on the same store. */
const link = (prefix?: string): ReturnType<typeof redisTestLink> => {
  const made = redisTestLink(server.url, prefix);
  links.push(made);
  return made;
};

const device = (n: number): ContractTopics['/devices'] => ({ messageType: 'Device', n });
const seqsOf = (events: readonly Event[], userId = 'alice'): number[] =>
  events.filter((event) => event.userId === userId).map((event) => event.seq);
const oneToN = (n: number): number[] => Array.from({ length: n }, (_, i) => i + 1);

beforeAll(async () => {
  server = await startRedisServer();
});
afterAll(() => server.stop());
// After the suites' own afterEach, which closes the stores.
afterEach(() => Promise.all(links.splice(0).map((made) => made.close())));

describeUserEventStreamContract('redis', (clock, options) => {
  const first = link();
  const second = link(first.prefix);
  return Promise.resolve([
    new RedisUserEventStream<ContractTopics>(first, clock.now, options),
    new RedisUserEventStream<ContractTopics>(second, clock.now, options),
  ]);
});

describeDnMapContract('redis', (clock) => Promise.resolve(new RedisDnMap(link(), clock.now)));

describe('RedisUserEventStream across nodes and outages', () => {
  let streams: RedisUserEventStream<ContractTopics>[];
  let prefix: string;
  /** Two nodes: each its own link (client, queued, subscriber) on one store, under `prefix`. */
  const twoNodes = (
    options: UserEventStreamOptions = {},
  ): [RedisUserEventStream<ContractTopics>, RedisUserEventStream<ContractTopics>] => {
    const first = link();
    prefix = first.prefix;
    const made = [
      new RedisUserEventStream<ContractTopics>(first, systemClock, options),
      new RedisUserEventStream<ContractTopics>(link(prefix), systemClock, options),
    ];
    streams = made;
    return [made[0]!, made[1]!];
  };
  afterEach(() => Promise.all(streams.map((stream) => stream.close())));

  it('delivers the appends of two nodes to both, one numbering, each node’s in the order it called', async () => {
    const [a, b] = twoNodes();
    const onA: Event[] = [];
    const onB: Event[] = [];
    await a.subscribe((event) => onA.push(event));
    await b.subscribe((event) => onB.push(event));
    await Promise.all(
      Array.from({ length: 40 }, (_, n) => (n % 2 === 0 ? a : b).append('alice', '/devices', device(n))),
    );
    await waitFor(() => onA.length === 40 && onB.length === 40, 5000, 'forty events on each node');
    expect(onA).toEqual(onB);
    expect(seqsOf(onA)).toEqual(oneToN(40));
    const from = (parity: number): number[] => onA.map((event) => event.data.n).filter((n) => n % 2 === parity);
    expect(from(0)).toEqual(Array.from({ length: 20 }, (_, i) => 2 * i));
    expect(from(1)).toEqual(Array.from({ length: 20 }, (_, i) => 2 * i + 1));
  });

  it('logs an append made while Redis is down once it is back, and delivers it', async () => {
    const [a, b] = twoNodes();
    const onB: Event[] = [];
    await b.subscribe((event) => onB.push(event));
    await a.append('alice', '/devices', device(1));
    await waitFor(() => onB.length === 1, 2000, 'the first event');
    await server.halt();
    const appended = a.append('alice', '/devices', device(2));
    await server.start();
    expect(await appended).toBe(2);
    await waitFor(() => onB.length === 2, 10_000, 'the event appended while Redis was down');
    expect(onB.map((event) => [event.seq, event.data.n])).toEqual([
      [1, 1],
      [2, 2],
    ]);
    expect((await a.since('alice', 0)).map((event) => event.seq)).toEqual([1, 2]);
  });

  it('fills from the log what was published while its subscriber connection was down: every seq once, in order', async () => {
    // Room in the log for every append made while the subscriber reconnects (some hundreds).
    const [a, b] = twoNodes({ maxEntries: 100_000 });
    const admin = link(prefix);
    const onB: Event[] = [];
    await b.subscribe((event) => onB.push(event));
    const channel = `${admin.prefix}user-events`;
    const subscribers = async (): Promise<number> => {
      const [, count] = (await admin.client.pubsub('NUMSUB', channel)) as [string, number];
      return count;
    };
    let n = 0;
    for (; n < 10; n++) await a.append('alice', '/devices', device(n));
    await admin.client.call('CLIENT', 'KILL', 'TYPE', 'pubsub');
    // Published to no one: b's subscriber is reconnecting.
    for (; n < 30; n++) await a.append('alice', '/devices', device(n));
    expect(await subscribers()).toBe(0);
    // Appends go on while it comes back, and after.
    for (; (await subscribers()) === 0; n++) await a.append('alice', '/devices', device(n));
    for (const end = n + 10; n < end; n++) await a.append('alice', '/devices', device(n));
    await waitFor(() => onB.length >= n, 10_000, `${n} events`);
    expect(seqsOf(onB)).toEqual(oneToN(n));
    expect(onB.map((event) => event.data.n)).toEqual(oneToN(n).map((seq) => seq - 1));
  });
});

describe('RedisUserEventStream keys', () => {
  it('trims old entries in Redis itself, expires the stream after maxAgeMs and keeps the counter', async () => {
    const clock = new ManualClock();
    const node = link();
    const stream = new RedisUserEventStream<ContractTopics>(node, clock.now, { maxEntries: 100, maxAgeMs: 10_000 });
    for (let n = 1; n <= 40; n++) await stream.append('alice', '/devices', device(n));
    clock.advance(10_001);
    await stream.append('alice', '/devices', device(41));
    const events = `${node.prefix}{u:alice}:events`;
    const counter = `${node.prefix}{u:alice}:seq`;
    expect(await node.client.xrange(events, '-', '+')).toEqual([
      ['0-41', ['at', String(clock.now()), 'event', expect.any(String)]],
    ]);
    expect(await node.client.pttl(events)).toBeGreaterThan(9_000);
    expect(await node.client.pttl(counter)).toBe(-1);
    await stream.close();
  });

  it('keeps the origin mark in a hash of its own, written only by appends that name an origin, expiring too', async () => {
    const node = link();
    const stream = new RedisUserEventStream<ContractTopics>(node, systemClock, { maxEntries: 100, maxAgeMs: 10_000 });
    const origin = `${node.prefix}{u:alice}:origin`;
    await stream.append('alice', '/devices', device(1));
    expect(await node.client.exists(origin)).toBe(0);
    await stream.append('alice', '/devices', device(2), undefined, '1700000000:7');
    await stream.append('alice', '/devices', device(3), undefined, '1700000000:7');
    expect(await node.client.hgetall(origin)).toEqual({ origin: '1700000000:7', count: '2' });
    expect(await node.client.pttl(origin)).toBeGreaterThan(9_000);
    await stream.close();
  });
});

describe('UserEventGapFiller on a Redis log', () => {
  let stream: RedisUserEventStream<ContractTopics>;
  let clock: ManualClock;
  let delivered: Event[];
  let filler: UserEventGapFiller<ContractTopics>;
  beforeEach(() => {
    clock = new ManualClock();
    stream = new RedisUserEventStream<ContractTopics>(link(), clock.now, { maxEntries: 50, maxAgeMs: 10_000 });
    delivered = [];
    filler = new UserEventGapFiller<ContractTopics>(
      (userId, afterSeq, limit) => stream.since(userId, afterSeq, limit),
      (event) => delivered.push(event),
      clock.now,
      10_000,
    );
  });
  afterEach(() => stream.close());

  const logged = async (count: number, userId = 'alice'): Promise<Event[]> => {
    for (let n = 1; n <= count; n++) await stream.append(userId, '/devices', device(n));
    return stream.since(userId, 0);
  };

  it('reads a hole from the log before the event that shows it; events received meanwhile wait behind it', async () => {
    const events = await logged(6);
    filler.receive(events[0]!);
    filler.receive(events[3]!);
    filler.receive(events[3]!);
    filler.receive(events[4]!);
    filler.receive(events[2]!);
    filler.receive(events[5]!);
    await waitFor(() => delivered.length >= 6, 2000, 'six events');
    expect(delivered).toEqual(events);
  });

  it('starts a user afresh at the first event it hears of, and forgets a user not heard from for maxAgeMs', async () => {
    const alice = await logged(4);
    const bob = await logged(1, 'bob');
    filler.receive(alice[1]!);
    clock.advance(10_001);
    filler.receive(bob[0]!);
    filler.receive(alice[3]!);
    // Alice was forgotten, so seq 3 is no hole: by now the log no longer has it either.
    expect(delivered).toEqual([alice[1], bob[0], alice[3]]);
  });
});

describe('RedisDnMap across nodes', () => {
  let maps: RedisDnMap[];
  afterEach(() => Promise.all(maps.map((map) => map.close())));

  it('lets exactly one of two racing nodes take a DN over, and every node watches every writer', async () => {
    const first = link();
    const [gws1, gws2, gateway] = (maps = [first, link(first.prefix), link(first.prefix)].map(
      (made) => new RedisDnMap(made),
    ));
    const seen: DnMapping[] = [];
    await gws2!.watch((mapping) => seen.push(mapping));
    const owner = { userId: 'a', userName: 'agent1', placeName: 'Place_5001', nodeId: 'n1' };
    expect((await gws1!.assign('5001', owner)).ok).toBe(true);
    await gateway!.setEndpoint('5001', { sipEndpoint: 'sip:5001@gw', registration: 'registered' });
    const won = await Promise.all([gws1!.transfer('5001', 'a', 'n1', 'n2'), gws2!.transfer('5001', 'a', 'n1', 'n3')]);
    expect(won.filter(Boolean)).toHaveLength(1);
    await waitFor(() => seen.length >= 3, 2000, 'three changes');
    expect(seen.map((row) => [row.nodeId, row.registration, row.sipEndpoint])).toEqual([
      ['n1', 'unknown', undefined],
      ['n1', 'registered', 'sip:5001@gw'],
      [won[0] ? 'n2' : 'n3', 'registered', 'sip:5001@gw'],
    ]);
    expect(await gateway!.get('5001')).toEqual(seen[2]);
    expect(await gateway!.findByUser('a')).toEqual([seen[2]]);
  });

  it("turns the gateway's notices into whole rows for every watcher", async () => {
    const first = link();
    const [gws] = (maps = [new RedisDnMap(first)]);
    const seen: DnMapping[] = [];
    await gws!.watch((mapping) => seen.push(mapping));
    await gws!.assign('5002', { userId: 'a', userName: 'agent1', placeName: 'Place_5002', nodeId: 'n1' });
    // What the gateway's config does on a REGISTER (docs/sip-gateway.md): its columns, then a notice.
    const row = `${first.prefix}{dnmap}:dn:5002`;
    await first.client.hset(row, 'registration', 'registered', 'sipEndpoint', 'sip:5002@gw;transport=ws');
    const notice = { dn: '5002', registration: 'registered', source: 'register' };
    await first.client.publish(`${first.prefix}dnmap:changes`, JSON.stringify(notice));
    await waitFor(() => seen.length >= 2, 2000, 'the assignment and the notice');
    expect(seen[1]).toMatchObject({ dn: '5002', userId: 'a', registration: 'registered', nodeId: 'n1' });
    expect(seen[1]?.sipEndpoint).toBe('sip:5002@gw;transport=ws');
  });
});
