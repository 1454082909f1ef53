import { Inject, Injectable } from '@nestjs/common';
import { CfgDNType, CfgFlag, CfgObjectState, CfgObjectType, type ConfServClient } from '@gws/confserv';
import { TtlCache } from '../../common/ttl-cache';
import { asConfServUnavailable } from '../../platform/confserv-unavailable.exception';
import { CONFSERV_CLIENT } from '../../platform/platform.tokens';

/** A target as `GET /workspace/v3/targets` lists it (model `Target`). */
export interface Target {
  readonly DBID: number;
  readonly name: string;
  readonly type: TargetType;
  readonly firstName?: string;
  readonly lastName?: string;
  readonly employeeId?: string;
  readonly userName?: string;
  /** The number to dial: an agent's default place's first DN, a queue's or route point's own. */
  readonly number?: string;
  readonly switchName?: string;
}

/** The target types served: the directory's agents, ACD queues and route points. */
export const TARGET_TYPES = ['agent', 'acd-queue', 'route-point'] as const;
export type TargetType = (typeof TARGET_TYPES)[number];

export interface TargetQuery {
  readonly searchTerm: string;
  readonly types: readonly TargetType[];
  readonly exact: boolean;
  readonly ascending: boolean;
  readonly limit: number;
}

/** How long the directory read for a search is reused: targets change rarely, searches come per keystroke. */
const DIRECTORY_TTL_MS = 60_000;

/**
 * Searches Configuration Server's agents (enabled persons who are agents), ACD queues and route points. The
 * directory is read whole (persons, DNs, places, switches) and kept a minute; matching is case-insensitive on every
 * name and number a target has, a substring unless `exact`.
 */
@Injectable()
export class TargetDirectory {
  private readonly directory = new TtlCache<Target[]>(DIRECTORY_TTL_MS, 1);

  constructor(@Inject(CONFSERV_CLIENT) private readonly confserv: ConfServClient) {}

  async search(query: TargetQuery): Promise<{ targets: Target[]; totalMatches: number }> {
    const term = query.searchTerm.toLowerCase();
    const matches = (await this.directory.get('all', () => this.read()))
      .filter((target) => query.types.includes(target.type))
      .filter((target) => searchable(target).some((text) => (query.exact ? text === term : text.includes(term))))
      .sort((a, b) => (query.ascending ? 1 : -1) * a.name.localeCompare(b.name));
    return { targets: matches.slice(0, query.limit), totalMatches: matches.length };
  }

  private async read(): Promise<Target[]> {
    try {
      const [persons, dns, places, switches] = await Promise.all([
        this.confserv.readObjects(CfgObjectType.Person, {}),
        this.confserv.readObjects(CfgObjectType.DN, {}),
        this.confserv.readObjects(CfgObjectType.Place, {}),
        this.confserv.readObjects(CfgObjectType.Switch, {}),
      ]);
      const switchName = new Map(switches.map((entry) => [entry.DBID, entry.name]));
      const dnByDbid = new Map(dns.map((dn) => [dn.DBID, dn]));
      const placeByDbid = new Map(places.map((place) => [place.DBID, place]));
      const agents = persons
        .filter((person) => person.isAgent === CfgFlag.True && person.state === CfgObjectState.Enabled)
        .map((person): Target => {
          const dbid = placeByDbid.get(person.agentInfo?.placeDBID ?? 0)?.DNDBIDs[0];
          const dn = dbid === undefined ? undefined : dnByDbid.get(dbid);
          const name = `${person.firstName} ${person.lastName}`.trim() || person.userName;
          return {
            DBID: person.DBID,
            name,
            type: 'agent',
            firstName: person.firstName,
            lastName: person.lastName,
            employeeId: person.employeeID,
            userName: person.userName,
            ...(dn === undefined ? {} : { number: dn.number, switchName: switchName.get(dn.switchDBID) ?? '' }),
          };
        });
      const numbers = dns.flatMap((dn): Target[] => {
        const type =
          dn.type === CfgDNType.ACDQueue ? 'acd-queue' : dn.type === CfgDNType.RoutingPoint ? 'route-point' : undefined;
        if (type === undefined) return [];
        const name = dn.name || dn.number;
        return [{ DBID: dn.DBID, name, type, number: dn.number, switchName: switchName.get(dn.switchDBID) ?? '' }];
      });
      return [...agents, ...numbers];
    } catch (error) {
      throw asConfServUnavailable(error);
    }
  }
}

function searchable(target: Target): string[] {
  return [target.name, target.firstName, target.lastName, target.userName, target.employeeId, target.number]
    .filter((text): text is string => text !== undefined && text !== '')
    .map((text) => text.toLowerCase());
}
