/**
 * Configuration Server messages under their public PSDK names. The PSDK's numeric ids are NOT public, so:
 * - events reuse the public C `CfgEventType` number where one matches (0 Error, 3 ObjectAdded, 4 ObjectDeleted,
 *   5 ObjectInfoChanged, 6 ObjectInfo, 8 EndObjectList, 12 ClientRegistered, 37 Authenticated);
 * - every other id (all requests, 64-65, 100-108) is ours, chosen for this wire profile (docs/confserv-wire.md).
 */
export const CONFSERV_MESSAGES = [
  [0, 'EventError'],
  [3, 'EventObjectCreated'],
  [4, 'EventObjectDeleted'],
  [5, 'EventObjectUpdated'],
  [6, 'EventObjectsRead'],
  [8, 'EventObjectsSent'],
  [12, 'EventClientRegistered'],
  [37, 'EventAuthenticated'],
  [64, 'EventNotificationRegistered'],
  [65, 'EventNotificationUnregistered'],
  [100, 'RequestRegisterClient'],
  [101, 'RequestAuthenticate'],
  [102, 'RequestReadObjects'],
  [103, 'RequestRegisterNotification'],
  [104, 'RequestUnregisterNotification'],
  [105, 'RequestCreateObject'],
  [106, 'RequestUpdateObject'],
  [107, 'RequestDeleteObject'],
] as const;

export type ConfServMessageName = (typeof CONFSERV_MESSAGES)[number][1];
