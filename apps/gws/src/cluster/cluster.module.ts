import { Module, type DynamicModule } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { DeadNodeWatcher } from './dead-node-watcher';
import { ForwardingInterceptor } from './forwarding.interceptor';
import { NodeDrain } from './node-drain';
import { NodeHeartbeat } from './node-heartbeat';
import { RequestForwarder } from './request-forwarder';
import { SessionFence } from './session-fence';

/**
 * This node among the others (docs/scale-out.md): its heartbeat, the takeover of dead nodes' sessions, forwarding
 * each request to the node holding the session, and the drain at shutdown. Needs the voice module; with the memory
 * stores the node is a cluster of one and the same code runs.
 */
@Module({})
export class ClusterModule {
  static register(voice: DynamicModule): DynamicModule {
    return {
      module: ClusterModule,
      imports: [voice],
      providers: [
        NodeHeartbeat,
        DeadNodeWatcher,
        SessionFence,
        RequestForwarder,
        NodeDrain,
        { provide: APP_INTERCEPTOR, useClass: ForwardingInterceptor },
      ],
      exports: [NodeHeartbeat, DeadNodeWatcher],
    };
  }
}
