// @ts-check
/**
 * `npm run start:node` runs one GWS node against a real (or a separately started) T-Server and Configuration Server,
 * never the embedded simulators: without both endpoints it stops here, in one line, before building.
 */
const missing = ['TSERVER_PRIMARY', 'CONFSERV_ENDPOINTS'].filter((name) => !process.env[name]);
if (missing.length > 0) {
  process.stderr.write(
    `start:node: ${missing.join(' and ')} not set: a node connects to the T-Server (TSERVER_PRIMARY=host:port) and ` +
      'Configuration Server (CONFSERV_ENDPOINTS=host:port,...) it is given; `npm start` runs the embedded simulators\n',
  );
  process.exit(1);
}
if (process.env.GWS_EMBEDDED === 'true') {
  process.stderr.write('start:node: GWS_EMBEDDED=true runs the embedded simulators; use `npm start` for that\n');
  process.exit(1);
}
