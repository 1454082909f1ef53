import { MemoryDnMap } from './dn-map/memory-dn-map';
import { MemoryEventBus } from './event-bus/memory-event-bus';
import { MemoryEventLog } from './event-log/memory-event-log';
import { MemoryLoginThrottle } from './login-throttle/memory-login-throttle';
import { MemorySessionStore } from './session-store/memory-session-store';
import { describeDnMapContract } from './testing/dn-map.contract';
import { describeEventBusContract } from './testing/event-bus.contract';
import { describeEventLogContract } from './testing/event-log.contract';
import { describeLoginThrottleContract } from './testing/login-throttle.contract';
import { describeSessionStoreContract } from './testing/session-store.contract';

describeSessionStoreContract('memory', (clock) => Promise.resolve(new MemorySessionStore(clock.now)));
describeEventLogContract('memory', (clock, options) => Promise.resolve(new MemoryEventLog(options, clock.now)));
describeDnMapContract('memory', (clock) => Promise.resolve(new MemoryDnMap(clock.now)));
describeLoginThrottleContract('memory', (clock, limits) => Promise.resolve(new MemoryLoginThrottle(limits, clock.now)));

// Two "nodes" of the in-memory bus must share one instance, as two Redis connections share one server.
const sharedBus = new MemoryEventBus();
const nodeView = () => ({
  publish: sharedBus.publish.bind(sharedBus),
  subscribe: sharedBus.subscribe.bind(sharedBus),
  close: () => Promise.resolve(),
});
describeEventBusContract('memory', () => Promise.resolve(nodeView()));
