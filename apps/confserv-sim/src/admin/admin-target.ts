import type { CfgModelledType, CfgObject } from '@gws/confserv';

/** What the admin API drives: the simulator's programmatic control. */
export interface AdminTarget {
  listObjects(type: CfgModelledType): CfgObject[];
  createObject(type: CfgModelledType, object: Readonly<Record<string, unknown>>, password?: string): Promise<CfgObject>;
  updateObject(type: CfgModelledType, delta: Readonly<Record<string, unknown>>, password?: string): Promise<CfgObject>;
  deleteObject(type: CfgModelledType, dbid: number): CfgObject;
}

export const ADMIN_TARGET = Symbol('ADMIN_TARGET');
