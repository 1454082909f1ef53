import { Injectable } from '@nestjs/common';
import { AgentDirectoryService } from '../platform/agent-directory.service';
import { SYSTEM_STATE_IDS } from '../voice/model/user-state-view';
import { NotReadyReasonsService } from '../voice/not-ready-reasons.service';

export interface AgentStateSetting {
  readonly id: string;
  readonly operationName: string;
  readonly displayName: string;
  readonly state: 'Ready' | 'NotReady';
  readonly workMode?: 'AfterCallWork' | 'AuxWork';
  readonly reason?: string;
  readonly reasonCode?: string;
}

export interface Feature {
  readonly id: string;
  readonly name: string;
  readonly enabled: boolean;
}

/** The features this server offers (gws-api-v2.md 3.5); supervisor monitoring and recording are not here yet. */
const FEATURES: readonly Feature[] = [{ id: 'api-voice', name: 'api-voice', enabled: true }];

/** Settings read from Configuration Server: agent states, country, the GWS application's options. */
@Injectable()
export class SettingsService {
  constructor(
    private readonly directory: AgentDirectoryService,
    private readonly reasons: NotReadyReasonsService,
  ) {}

  /** The four system states, then one custom state per not-ready reason (operationName = the reason's name). */
  async agentStates(): Promise<AgentStateSetting[]> {
    const reasons = await this.reasons.load();
    return [
      { id: SYSTEM_STATE_IDS.Ready, operationName: 'Ready', displayName: 'Ready', state: 'Ready' },
      { id: SYSTEM_STATE_IDS.NotReady, operationName: 'NotReady', displayName: 'Not Ready', state: 'NotReady' },
      {
        id: SYSTEM_STATE_IDS.AfterCallWork,
        operationName: 'AfterCallWork',
        displayName: 'AfterCallWork',
        state: 'NotReady',
        workMode: 'AfterCallWork',
      },
      {
        id: SYSTEM_STATE_IDS.AuxWork,
        operationName: 'AuxWork',
        displayName: 'AuxWork',
        state: 'NotReady',
        workMode: 'AuxWork',
      },
      ...reasons.all.map((reason) => ({
        id: reason.stateId,
        operationName: reason.name,
        displayName: reason.name,
        state: 'NotReady' as const,
        reason: reason.name,
        reasonCode: reason.code,
      })),
    ];
  }

  /** Country settings from the GWS application's `general` section (United States when unset). */
  async generalSettings(): Promise<Record<string, string>> {
    const general = (await this.directory.applicationOptions())['general'] ?? {};
    return {
      countryCode: general['countryCode'] ?? 'US',
      countryDigits: general['countryDigits'] ?? '1',
      countryName: general['countryName'] ?? 'United States',
    };
  }

  async userSettings(): Promise<Record<string, unknown>> {
    return { 'general-settings': await this.generalSettings(), 'agent-states': await this.agentStates() };
  }

  features(): Feature[] {
    return FEATURES.map((feature) => ({ ...feature }));
  }
}
