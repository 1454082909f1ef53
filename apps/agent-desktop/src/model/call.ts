import { asArray, asObject, asString, optionalString, stringList, type JsonObject } from './json';

export type CallState = 'Dialing' | 'Ringing' | 'Established' | 'Held' | 'Released';

/** User data as GWS shows it: a flat object of strings and numbers (docs/api.md, "Calls"). */
export type UserData = Readonly<Record<string, string | number>>;

/** A call of the agent as GWS describes it (`GET /api/v2/me/calls`, CallStateChangeMessage). */
export interface Call {
  readonly id: string;
  readonly state: CallState;
  readonly callType: string;
  /** The phone numbers of the other parties. */
  readonly participants: readonly string[];
  readonly ani: string;
  readonly dnis: string;
  readonly userData: UserData;
  readonly capabilities: readonly string[];
  /** Whole seconds GWS counted up to `receivedAt`. */
  readonly duration: number;
  /** When this description arrived (ms since the epoch, the page's clock): the duration timer counts from it. */
  readonly receivedAt: number;
  readonly uri: string;
  /** A consultation's original call (its id), from `parentCallPath`/`parentCallUri`. */
  readonly parentId: string | undefined;
}

const STATES: readonly CallState[] = ['Dialing', 'Ringing', 'Established', 'Held', 'Released'];

/** Reads one call object; undefined for a value without an id or a known state. */
export function parseCall(value: unknown, receivedAt: number): Call | undefined {
  const call = asObject(value);
  const id = optionalString(call['id']);
  const state = STATES.find((candidate) => candidate === call['state']);
  if (id === undefined || state === undefined) return undefined;
  const duration = Number(call['duration']);
  return {
    id,
    state,
    callType: asString(call['callType']),
    participants: asArray(call['participants'])
      .map((participant) => asString(asObject(participant)['phoneNumber']))
      .filter((number) => number !== ''),
    ani: asString(call['ani']),
    dnis: asString(call['dnis']),
    userData: userData(call['userData']),
    capabilities: stringList(call['capabilities']),
    duration: Number.isFinite(duration) && duration >= 0 ? duration : 0,
    receivedAt,
    uri: asString(call['uri']),
    parentId: parentId(call),
  };
}

function userData(value: unknown): UserData {
  const data: Record<string, string | number> = {};
  for (const [key, item] of Object.entries(asObject(value))) {
    if (typeof item === 'string' || typeof item === 'number') data[key] = item;
  }
  return data;
}

/** The last path segment of `parentCallPath` (`/calls/<id>`) or `parentCallUri`. */
function parentId(call: JsonObject): string | undefined {
  const path = optionalString(call['parentCallPath']) ?? optionalString(call['parentCallUri']);
  if (path === undefined) return undefined;
  const segment = path
    .split('/')
    .filter((part) => part !== '')
    .pop();
  return segment === undefined ? undefined : decodeURIComponent(segment);
}

/** Who the agent talks to: the other parties' numbers, else the caller (ANI) or the number called (DNIS). */
export function otherParty(call: Call): string {
  if (call.participants.length > 0) return call.participants.join(', ');
  return call.ani || call.dnis || 'unknown party';
}

/** Seconds the call has lasted at `now`. */
export function callSeconds(call: Call, now: number): number {
  return call.duration + Math.max(0, Math.floor((now - call.receivedAt) / 1000));
}
