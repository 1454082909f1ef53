/**
 * Configuration Server attributes. The names follow the internal ones seen in Config Server logs, whose prefix
 * gives the value type (I = int, S = string, B = binary; here B is always a KVList). The numeric ids are NOT
 * public: all of them are ours (docs/confserv-wire.md).
 */
export const CONFSERV_ATTRIBUTES = [
  [1, 'IATRCFG_REQUESTID', 'int'],
  [2, 'IATRCFG_OBJECTTYPE', 'int'],
  [3, 'IATRCFG_APPTYPE', 'int'],
  [4, 'SATRCFG_APPNAME', 'string'],
  [5, 'SATRCFG_USERNAME', 'string'],
  [6, 'SATRCFG_PASSWORD', 'string'],
  [7, 'IATRCFG_ERRORCODE', 'int'],
  [8, 'SATRCFG_DESCRIPTION', 'string'],
  [9, 'BATRCFG_FILTER', 'kvlist'],
  /** One object: a KVList holding one pair, `<CfgTypeName>` -> the object's fields. */
  [10, 'BATRCFG_OBJECT', 'kvlist'],
  /** A batch of objects: one `<CfgTypeName>` pair per object, in order. */
  [11, 'BATRCFG_OBJECTS', 'kvlist'],
  [12, 'IATRCFG_TOTALCOUNT', 'int'],
  [13, 'IATRCFG_OBJECTCOUNT', 'int'],
  [14, 'IATRCFG_DBID', 'int'],
  /** Notification subscription list: one `objectType` int pair per subscribed type; empty = every type. */
  [15, 'BATRCFG_SUBSCRIPTION', 'kvlist'],
] as const;
