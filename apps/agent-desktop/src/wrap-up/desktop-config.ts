import { asArray, asObject, optionalString } from '../model/json';

export interface DispositionCode {
  readonly code: string;
  readonly label: string;
}

/**
 * What a site configures for its desktop (`desktop-config.json` beside the page, docs/agent-desktop.md): the
 * disposition codes and the user-data key they are attached under, and the wrap-up flow. The contact-center
 * directory has no disposition codes (its action codes are agent-state reasons) and GWS serves no such setting,
 * so the file is where they live.
 */
export interface DesktopConfig {
  readonly disposition: { readonly key: string; readonly codes: readonly DispositionCode[] };
  /** `afterCallWork`: the desktop puts the agent in After Call Work when a call ends; `then`: the state "Done" sets. */
  readonly wrapUp: { readonly afterCallWork: boolean; readonly then: 'Ready' | 'NotReady' };
}

export const DEFAULT_CONFIG: DesktopConfig = {
  disposition: { key: 'DispositionCode', codes: [] },
  wrapUp: { afterCallWork: true, then: 'Ready' },
};

/** Reads the file's JSON, keeping the defaults for whatever is missing or malformed. */
export function parseDesktopConfig(value: unknown): DesktopConfig {
  const root = asObject(value);
  const disposition = asObject(root['disposition']);
  const wrapUp = asObject(root['wrapUp']);
  const codes = asArray(disposition['codes']).flatMap((item): DispositionCode[] => {
    const entry = asObject(item);
    const code = optionalString(entry['code']);
    return code === undefined ? [] : [{ code, label: optionalString(entry['label']) ?? code }];
  });
  return {
    disposition: { key: optionalString(disposition['key']) ?? DEFAULT_CONFIG.disposition.key, codes },
    wrapUp: {
      afterCallWork:
        typeof wrapUp['afterCallWork'] === 'boolean' ? wrapUp['afterCallWork'] : DEFAULT_CONFIG.wrapUp.afterCallWork,
      then: wrapUp['then'] === 'NotReady' ? 'NotReady' : 'Ready',
    },
  };
}

/** Fetches `desktop-config.json` from the page's folder; the defaults when it is missing. */
export async function loadDesktopConfig(): Promise<DesktopConfig> {
  try {
    const response = await fetch('desktop-config.json', { cache: 'no-cache', credentials: 'same-origin' });
    if (!response.ok) return DEFAULT_CONFIG;
    return parseDesktopConfig(await response.json());
  } catch {
    return DEFAULT_CONFIG;
  }
}
