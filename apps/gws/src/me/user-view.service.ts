import { Injectable } from '@nestjs/common';
import { pickFields } from '../common/collection';
import { AgentDirectoryService } from '../platform/agent-directory.service';
import type { GwsPrincipal } from '../sessions/gws-principal';
import { SettingsService } from '../settings/settings.service';
import { deviceView, voiceChannelView } from '../voice/model/device-view';
import { NotReadyReasonsService } from '../voice/not-ready-reasons.service';
import { ResourceUrls } from '../voice/resource-urls';
import { CallViews } from '../voice/calls/call-views';
import { VoiceSessions } from '../voice/voice-session';

const SUBRESOURCES = ['devices', 'channels', 'settings', 'features', 'calls', 'skills'] as const;

/** `GET /api/v2/me`: the user, and the children `subresources` asks for embedded in it. */
@Injectable()
export class UserViewService {
  constructor(
    private readonly directory: AgentDirectoryService,
    private readonly sessions: VoiceSessions,
    private readonly reasons: NotReadyReasonsService,
    private readonly settings: SettingsService,
    private readonly calls: CallViews,
  ) {}

  async view(
    principal: GwsPrincipal,
    baseUrl: string,
    subresources: string | undefined,
    fields: string | undefined,
  ): Promise<Record<string, unknown>> {
    const agent = await this.directory.agent(principal.userName);
    const session = this.sessions.ofUser(principal.userId);
    const urls = session?.urls ?? new ResourceUrls(baseUrl);
    const user: Record<string, unknown> = {
      id: principal.userId,
      userName: agent.userName,
      firstName: agent.firstName,
      lastName: agent.lastName,
      emailAddress: agent.emailAddress,
      roles: [agent.isAgent ? 'ROLE_AGENT' : undefined, agent.isAdmin ? 'ROLE_ADMIN' : undefined].filter(Boolean),
      enabled: agent.enabled,
      changePasswordOnFirstLogin: false,
      ...urls.user(principal.userId),
    };
    const wanted = parseSubresources(subresources);
    const reasons = this.reasons.current;
    const devices = session === undefined ? [] : [...session.devices.values()];
    if (wanted.has('devices')) user['devices'] = devices.map((device) => deviceView(device, reasons, urls));
    if (wanted.has('channels')) user['channels'] = session === undefined ? [] : [voiceChannelView(devices, reasons)];
    if (wanted.has('settings')) user['settings'] = await this.settings.userSettings();
    if (wanted.has('features')) user['features'] = this.settings.features();
    if (wanted.has('calls')) user['calls'] = this.calls.ofUser(principal.userId);
    if (wanted.has('skills')) user['skills'] = agent.skills;
    return pickFields(user, fields);
  }
}

function parseSubresources(value: string | undefined): Set<string> {
  if (value === undefined || value === '') return new Set();
  if (value === '*') return new Set(SUBRESOURCES);
  return new Set(value.split(',').map((name) => name.trim()));
}
