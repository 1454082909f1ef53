import { MemoryDnMap } from './dn-map/memory-dn-map';
import { MemoryEventBus } from './event-bus/memory-event-bus';
import { MemoryLoginThrottle } from './login-throttle/memory-login-throttle';
import { MemorySessionStore } from './session-store/memory-session-store';
import { describeDnMapContract } from './testing/dn-map.contract';
import { describeEventBusContract } from './testing/event-bus.contract';
import { describeLoginThrottleContract } from './testing/login-throttle.contract';
import { describeSessionStoreContract } from './testing/session-store.contract';
import { describeUserEventStreamContract, type ContractTopics } from './testing/user-event-stream.contract';
import { MemoryUserEventStream } from './user-event-stream/memory-user-event-stream';

describeSessionStoreContract('memory', (clock) => Promise.resolve(new MemorySessionStore(clock.now)));
describeDnMapContract('memory', (clock) => Promise.resolve(new MemoryDnMap(clock.now)));
describeLoginThrottleContract('memory', (clock, limits) => Promise.resolve(new MemoryLoginThrottle(limits, clock.now)));

// A fresh store per test. Both "nodes" of an in-process store are the one instance, as two Redis connections
// share one server.
describeEventBusContract('memory', () => {
  const bus = new MemoryEventBus();
  return Promise.resolve([bus, bus]);
});
describeUserEventStreamContract('memory', (clock, options) => {
  const stream = new MemoryUserEventStream<ContractTopics>(options, clock.now);
  return Promise.resolve([stream, stream]);
});
