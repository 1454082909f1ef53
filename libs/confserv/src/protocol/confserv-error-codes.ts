/**
 * `IATRCFG_ERRORCODE` values carried by EventError. The real Configuration Server's numbers are not public: these
 * are ours (docs/confserv-wire.md). A real server may answer an unknown user and a wrong password alike; GWS must
 * show people the same message for both either way.
 */
export const ConfServErrorCode = {
  Internal: 1,
  BadRequest: 2,
  NotRegistered: 3,
  UnsupportedObjectType: 4,
  InvalidFilter: 5,
  ObjectNotFound: 6,
  InvalidObject: 7,
  DuplicateObject: 8,
  UnknownUser: 20,
  WrongPassword: 21,
  DisabledPerson: 22,
  EmptyPassword: 23,
} as const;
export type ConfServErrorCode = (typeof ConfServErrorCode)[keyof typeof ConfServErrorCode];
