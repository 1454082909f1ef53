import { asArray, asObject, asString, optionalString } from './json';

/** A not-ready reason the agent can pick (`GET /api/v2/settings/agent-states`, the custom states). */
export interface NotReadyReason {
  readonly name: string;
  readonly code: string;
}

/** The not-ready reasons among GWS's agent states: the entries that carry a `reason`. */
export function notReadyReasons(settings: unknown): NotReadyReason[] {
  const reasons: NotReadyReason[] = [];
  for (const item of asArray(settings)) {
    const setting = asObject(item);
    const name = optionalString(setting['reason']);
    if (setting['state'] !== 'NotReady' || name === undefined) continue;
    reasons.push({ name, code: asString(setting['reasonCode'], name) });
  }
  return reasons;
}
