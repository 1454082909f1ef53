import type { TMessageName } from '@gws/tlib';

/** The event that tells a client whether T-Server is connected to the switch. */
export function linkStateEvent(up: boolean): TMessageName {
  return up ? 'EventLinkConnected' : 'EventLinkDisconnected';
}
