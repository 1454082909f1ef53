import { Logger, Module, type DynamicModule, type OnApplicationBootstrap } from '@nestjs/common';
import { Inject } from '@nestjs/common';
import { GWS_CONFIG, type GwsConfig } from '../config/gws-config';
import { LogoutService } from '../me/logout.service';
import { PushSessionKeeper } from '../sessions/push-session-keeper';
import { SessionService } from '../sessions/session.service';
import { BearerTokens } from './auth/bearer-tokens';
import { OAuthTokenController } from './auth/oauth-token.controller';
import { WorkspaceSessionGuard } from './auth/workspace-session.guard';
import { NotServedController } from './not-served.controller';
import { UserEventRelay } from './notifications/user-event-relay';
import { WorkspaceEventRelay } from './notifications/workspace-event-relay';
import { WorkspaceHandshakeAuthenticator } from './notifications/workspace-handshake-authenticator';
import { WorkspaceInitialization } from './notifications/workspace-initialization';
import { WorkspaceNotifications } from './notifications/workspace-notifications';
import { ChannelActivation } from './session/channel-activation';
import { WorkspaceSessionController } from './session/workspace-session.controller';
import { WorkspaceUserService } from './session/workspace-user.service';
import { TargetDirectory } from './targets/target-directory';
import { TargetsController } from './targets/targets.controller';
import { VoiceController } from './voice/voice.controller';
import { WorkspaceVoiceViews } from './voice/workspace-voice-views';
import { loadWorkspaceV3Config, WORKSPACE_V3_CONFIG, type WorkspaceV3Config } from './workspace-v3-config';

/** Injection token of the keeper that ties v3 CometD sessions to their WORKSPACE_SESSIONID session. */
const WORKSPACE_PUSH_SESSION_KEEPER = Symbol('WORKSPACE_PUSH_SESSION_KEEPER');

/** What the v3 surface runs on: the modules whose services v2's controllers use. */
export interface WorkspaceV3Dependencies {
  /** Exports CredentialsLogin and SessionService. */
  readonly auth: DynamicModule;
  /** v2's notifications (LogoutService needs its publisher). */
  readonly notifications: DynamicModule;
  /** Exports the voice services. */
  readonly voice: DynamicModule;
}

/**
 * Workspace API v3 (docs/workspace-api-v3.md): Genesys' own client library (`genesys-workspace-client-js`) runs
 * against open-gws unchanged. A second surface on the same services: its paths run v2's commands, its CometD
 * endpoint carries v2's events translated to v3's shapes. Settings come from the environment (WORKSPACE_*).
 * After `NestFactory.create`, call `app.get(WorkspaceNotifications).mount(app)` before `listen`.
 */
@Module({})
export class WorkspaceV3Module implements OnApplicationBootstrap {
  private readonly logger = new Logger('WorkspaceV3');

  static register(dependencies: WorkspaceV3Dependencies, env: NodeJS.ProcessEnv = process.env): DynamicModule {
    return {
      module: WorkspaceV3Module,
      imports: [dependencies.auth, dependencies.notifications, dependencies.voice],
      controllers: [
        OAuthTokenController,
        WorkspaceSessionController,
        VoiceController,
        TargetsController,
        NotServedController,
      ],
      providers: [
        {
          provide: WORKSPACE_V3_CONFIG,
          inject: [GWS_CONFIG],
          useFactory: (config: GwsConfig) => loadWorkspaceV3Config(env, config.embedded),
        },
        {
          provide: BearerTokens,
          inject: [WORKSPACE_V3_CONFIG],
          useFactory: (config: WorkspaceV3Config) => new BearerTokens(config.tokenSecret, config.tokenTtlSeconds),
        },
        WorkspaceSessionGuard,
        WorkspaceHandshakeAuthenticator,
        WorkspaceNotifications,
        {
          provide: WORKSPACE_PUSH_SESSION_KEEPER,
          inject: [SessionService, WorkspaceNotifications],
          useFactory: (sessions: SessionService, notifications: WorkspaceNotifications) =>
            new PushSessionKeeper(sessions, notifications.publisher),
        },
        WorkspaceVoiceViews,
        WorkspaceUserService,
        WorkspaceInitialization,
        WorkspaceEventRelay,
        UserEventRelay,
        ChannelActivation,
        LogoutService,
        TargetDirectory,
      ],
      exports: [WorkspaceNotifications],
    };
  }

  constructor(@Inject(WORKSPACE_V3_CONFIG) private readonly config: WorkspaceV3Config) {}

  /** Says at start-up how tokens are issued; never the secrets. */
  onApplicationBootstrap(): void {
    const { client, demoClient, tokenSecretConfigured } = this.config;
    if (client === undefined) {
      this.logger.warn(
        'no OAuth client configured (WORKSPACE_CLIENT_ID/WORKSPACE_CLIENT_SECRET): no v3 token is issued',
      );
    } else if (demoClient) {
      this.logger.log(`v3 tokens for the demo client '${client.id}' (embedded default)`);
    }
    if (!tokenSecretConfigured) {
      this.logger.log('v3 bearer tokens signed with a key of this process (set WORKSPACE_TOKEN_SECRET in a cluster)');
    }
  }
}
