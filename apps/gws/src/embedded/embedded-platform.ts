import { readFileSync } from 'node:fs';
import { demoDirectoryFile, loadDirectory } from '@gws/directory';
import type { LinkLogger } from '@gws/framed-link';
// The simulators are applications of this monorepo; the embedded default runs them in this process.
import { ConfServSimulator } from '../../../confserv-sim/src/simulator';
import { TServerSimulator, type SimulatorSipOptions } from '../../../tserver-sim/src/simulator';

export interface EmbeddedPlatformOptions {
  readonly directoryFile?: string;
  readonly host: string;
  readonly tserverPrimaryPort: number;
  readonly tserverBackupPort: number;
  readonly confservPort: number;
  /** HTTP control API of the T-Server simulator; undefined = not started. */
  readonly tserverControlPort?: number;
  /** HTTP admin API of the Configuration Server simulator; undefined = not started. */
  readonly confservAdminPort?: number;
  /** The T-Server simulator's SIP side toward a WebRTC gateway; undefined = none (docs/simulator.md). */
  readonly tserverSip?: SimulatorSipOptions;
  readonly logger: (name: string) => LinkLogger;
}

/** Both simulators, loaded from one directory file, started together and stopped together. */
export class EmbeddedPlatform {
  private constructor(
    readonly tserver: TServerSimulator,
    readonly confserv: ConfServSimulator,
    readonly directoryFile: string,
  ) {}

  static async start(options: EmbeddedPlatformOptions): Promise<EmbeddedPlatform> {
    const file = options.directoryFile ?? demoDirectoryFile();
    const directory = loadDirectory(readFileSync(file, 'utf8'), file);
    const confserv = await ConfServSimulator.start({
      directory,
      host: options.host,
      port: options.confservPort,
      ...(options.confservAdminPort === undefined ? {} : { adminPort: options.confservAdminPort }),
      logger: options.logger('confserv-sim'),
    });
    try {
      const tserver = await TServerSimulator.start({
        directory,
        host: options.host,
        primaryPort: options.tserverPrimaryPort,
        backupPort: options.tserverBackupPort,
        ...(options.tserverControlPort === undefined ? {} : { controlPort: options.tserverControlPort }),
        ...(options.tserverSip === undefined ? {} : { sip: options.tserverSip }),
        logger: options.logger('tserver-sim'),
      });
      return new EmbeddedPlatform(tserver, confserv, file);
    } catch (error) {
      await confserv.close();
      throw error;
    }
  }

  async close(): Promise<void> {
    await Promise.all([this.tserver.close(), this.confserv.close()]);
  }
}
