import { Module, type DynamicModule } from '@nestjs/common';
import { AuthModule } from './auth/auth.module';
import { ClusterModule } from './cluster/cluster.module';
import { SessionHandshakeAuthenticator } from './auth/session-handshake-authenticator';
import { USER_AUTHENTICATOR } from './auth/user-authenticator';
import type { GwsConfig } from './config/gws-config';
import { DiagnosticsController } from './diagnostics/diagnostics.controller';
import { MeModule } from './me/me.module';
import { NotificationsModule } from './notifications';
import { ConfServUserAuthenticator } from './platform/confserv-user-authenticator';
import { PlatformModule } from './platform/platform.module';
import { StorePushCluster } from './push-cluster/store-push-cluster';
import { SettingsModule } from './settings/settings.module';
import { StoresModule } from './stores/stores.module';
import { VoiceModule } from './voice/voice.module';
import { WorkspaceV3Module } from './workspace-v3/workspace-v3.module';
import { ConfigModule } from './config/config.module';
import { LoggingModule } from './logging/logging.module';
import { HealthController } from './health/health.controller';
import { MetricsController } from './metrics/metrics.controller';
import { MetricsModule } from './metrics/metrics.module';
import { OperationMetricsInterceptor } from './metrics/operation-metrics.interceptor';
import { APP_INTERCEPTOR } from '@nestjs/core';

/** The whole GWS node, built from one validated configuration. */
@Module({})
export class AppModule {
  static register(config: GwsConfig): DynamicModule {
    const auth = AuthModule.register({ provide: USER_AUTHENTICATOR, useExisting: ConfServUserAuthenticator });
    const notifications = NotificationsModule.register(
      { maxBodySize: config.bodyLimit, ...config.cometd },
      {
        imports: [auth],
        authenticator: { useExisting: SessionHandshakeAuthenticator },
        pushCluster: { useClass: StorePushCluster },
      },
    );
    const voice = VoiceModule.register(notifications);
    const settings = SettingsModule.register(voice);
    return {
      module: AppModule,
      imports: [
        ConfigModule.register(config),
        LoggingModule,
        StoresModule,
        MetricsModule,
        PlatformModule.register(),
        auth,
        notifications,
        voice,
        settings,
        ClusterModule.register(voice),
        MeModule.register([auth, notifications, voice, settings]),
        WorkspaceV3Module.register({ auth, notifications, voice }),
      ],
      controllers: [DiagnosticsController, HealthController, MetricsController],
      providers: [{ provide: APP_INTERCEPTOR, useClass: OperationMetricsInterceptor }],
    };
  }
}
