import { createHash } from 'node:crypto';

/**
 * Absolute `uri` and relative `path` of the resources in payloads. The base is GWS_PUBLIC_URL when set, else the
 * scheme and host the agent's browser used (kept with its voice session, since notifications have no request).
 */
export class ResourceUrls {
  readonly api: string;
  private readonly environments = new Map<string, string>();

  constructor(base: string) {
    this.api = `${base.replace(/\/+$/, '')}/api/v2`;
  }

  user(userId: string): { uri: string; path: string } {
    return { uri: `${this.api}/users/${userId}`, path: `/users/${userId}` };
  }

  device(deviceId: string): { uri: string; path: string } {
    return { uri: `${this.api}/me/devices/${deviceId}`, path: `/devices/${deviceId}` };
  }

  call(callId: string): { uri: string; path: string } {
    return { uri: `${this.api}/me/calls/${callId}`, path: `/calls/${callId}` };
  }

  channel(channel: string): string {
    return `${this.api}/me/channels/${channel}`;
  }

  me(): string {
    return `${this.api}/me`;
  }

  /** Every device message names it: the hash is taken once per switch (a handful per node). */
  voiceEnvironment(switchName: string): string {
    let uri = this.environments.get(switchName);
    if (uri === undefined) {
      const id = createHash('sha256').update(`voice-environment\0${switchName}`).digest('hex').slice(0, 32);
      uri = `${this.api}/voice-environments/${id}`;
      this.environments.set(switchName, uri);
    }
    return uri;
  }
}
