import { join } from 'node:path';

/** How a private nginx instance (a test's, or `nginx -t` in CI) runs: all it writes under `prefix`. */
export interface PrivateNginxFrame {
  /** The directory holding pid, logs and temporary files (nginx's `-p`). */
  readonly prefix: string;
  /**
   * Run the workers as root. nginx started as root runs its workers as `nobody`, which cannot write the temporary
   * files in a private directory; started as any other user, the workers run as that user and this must be false.
   */
  readonly root: boolean;
  /** The first line's comment: what rendered the file. */
  readonly renderedBy: string;
  readonly errorLogLevel: 'warn' | 'info';
  readonly workerConnections: number;
  /** A comment above `worker_connections`, saying why that many. */
  readonly workerConnectionsWhy?: string;
}

/** A complete nginx.conf around `site` (an http-context block), writing only under the frame's prefix. */
export function privateNginxConfig(site: string, frame: PrivateNginxFrame): string {
  const path = (name: string): string => join(frame.prefix, name);
  const indented = site
    .split('\n')
    .map((line) => (line.length > 0 ? `    ${line}` : line))
    .join('\n');
  const why = frame.workerConnectionsWhy === undefined ? '' : `    # ${frame.workerConnectionsWhy}\n`;
  return `# ${frame.renderedBy}
${frame.root ? 'user root;\n' : ''}worker_processes 1;
pid ${path('nginx.pid')};
error_log ${path('error.log')} ${frame.errorLogLevel};

events {
${why}    worker_connections ${frame.workerConnections};
}

http {
    access_log ${path('access.log')};
    client_body_temp_path ${path('client_body')};
    proxy_temp_path ${path('proxy')};
    fastcgi_temp_path ${path('fastcgi')};
    uwsgi_temp_path ${path('uwsgi')};
    scgi_temp_path ${path('scgi')};

${indented}}
`;
}
