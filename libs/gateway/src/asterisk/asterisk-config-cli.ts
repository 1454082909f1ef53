/**
 * pjsip.conf and extensions.conf for Asterisk as the WebRTC gateway, from the contact-center YAML:
 *
 *   npm run gateway:asterisk-config -- [--directory file.yaml] [--sip-server host:port] [--dn-pattern '^5[0-9]{3}$']
 *                                      [--passwords FILE] [--out DIR]
 *
 * Without --out both files go to stdout, each after a `; ==> name <==` line. Without --passwords no secret is
 * written (docs/sip-gateway.md, "The Asterisk alternative").
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { demoDirectoryFile, loadDirectory } from '@gws/directory';
import { GATEWAY_DEFAULTS } from '../gateway-defaults';
import { parsePasswordFile, renderAsteriskConfig } from './asterisk-config';

/** The simulator's SIP side as docker-compose.yml runs it. */
const DEFAULT_SIP_SERVER = 'tserver-sim:5070';

function main(): void {
  const { values } = parseArgs({
    options: {
      directory: { type: 'string' },
      'sip-server': { type: 'string', default: DEFAULT_SIP_SERVER },
      'dn-pattern': { type: 'string', default: GATEWAY_DEFAULTS.dnPattern },
      passwords: { type: 'string' },
      out: { type: 'string' },
    },
  });
  const file = values.directory ?? demoDirectoryFile();
  const directory = loadDirectory(readFileSync(file, 'utf8'), file);
  const config = renderAsteriskConfig(directory, {
    source: relative(process.cwd(), file),
    sipServer: values['sip-server'],
    dnPattern: values['dn-pattern'],
    ...(values.passwords === undefined ? {} : { passwords: parsePasswordFile(readFileSync(values.passwords, 'utf8')) }),
  });
  const files: [string, string][] = [
    ['pjsip.conf', config.pjsipConf],
    ['extensions.conf', config.extensionsConf],
  ];
  if (values.out === undefined) {
    for (const [name, text] of files) process.stdout.write(`; ==> ${name} <==\n${text}\n`);
    return;
  }
  mkdirSync(values.out, { recursive: true });
  for (const [name, text] of files) writeFileSync(join(values.out, name), text, { mode: 0o640 });
  process.stderr.write(`gateway:asterisk-config: ${config.dns.length} agent DNs -> ${values.out}\n`);
}

if (require.main === module) {
  try {
    main();
  } catch (error: unknown) {
    process.stderr.write(`gateway:asterisk-config: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
}
