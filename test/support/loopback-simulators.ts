import { silentLogger } from '@gws/framed-link';
import { EmbeddedPlatform, type EmbeddedPlatformOptions } from '../../apps/gws/src/embedded/embedded-platform';
import type { LoopbackSimulators } from './gws-node';

/** What may be set of the simulators a test starts; the rest is fixed: 127.0.0.1, free ports, silent. */
export type LoopbackSimulatorOptions = Omit<
  EmbeddedPlatformOptions,
  'host' | 'tserverPrimaryPort' | 'tserverBackupPort' | 'confservPort' | 'logger'
>;

/** Both simulators (T-Server primary and backup, Configuration Server) on free loopback ports, silent. */
export function startLoopbackSimulators(options: LoopbackSimulatorOptions = {}): Promise<EmbeddedPlatform> {
  return EmbeddedPlatform.start({
    ...options,
    host: '127.0.0.1',
    tserverPrimaryPort: 0,
    tserverBackupPort: 0,
    confservPort: 0,
    logger: () => silentLogger,
  });
}

/** Where `simulators` listen, as a GWS node's settings name them. */
export function portsOf(simulators: EmbeddedPlatform): LoopbackSimulators {
  return {
    tserverPrimary: simulators.tserver.primaryPort,
    tserverBackup: simulators.tserver.backupPort,
    confserv: simulators.confserv.port,
  };
}
