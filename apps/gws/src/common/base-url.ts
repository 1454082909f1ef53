import type { Request } from 'express';

/** Scheme and host the client used (behind a trusted proxy: the forwarded ones), e.g. `http://gws.example.com`. */
export function requestBaseUrl(request: Request): string {
  return `${request.protocol}://${request.get('host') ?? 'localhost'}`;
}
