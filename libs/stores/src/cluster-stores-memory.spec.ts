import { MemorySipCredentialStore } from './sip-credential-store/memory-sip-credential-store';
import { describeSipCredentialStoreContract } from './testing/sip-credential-store.contract';
import { MemoryAgentSessionStore } from './agent-session-store/memory-agent-session-store';
import { MemoryNodeRegistry } from './node-registry/memory-node-registry';
import { MemoryPushSessionStore } from './push-session-store/memory-push-session-store';
import { describeAgentSessionStoreContract } from './testing/agent-session-store.contract';
import { describeNodeRegistryContract } from './testing/node-registry.contract';
import { describePushSessionStoreContract } from './testing/push-session-store.contract';

describeNodeRegistryContract('memory', (clock) => Promise.resolve(new MemoryNodeRegistry(clock.now)));
describeAgentSessionStoreContract('memory', (clock) => Promise.resolve(new MemoryAgentSessionStore(clock.now)));
describePushSessionStoreContract('memory', (clock) => Promise.resolve(new MemoryPushSessionStore(clock.now)));
describeSipCredentialStoreContract('memory', (clock) => Promise.resolve(new MemorySipCredentialStore(clock.now)));
