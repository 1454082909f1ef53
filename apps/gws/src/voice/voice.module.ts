import { Module, type DynamicModule } from '@nestjs/common';
import { AgentStateService } from './agent-state.service';
import { CallEventsService } from './calls/call-events.service';
import { CallNotifications } from './calls/call-notifications';
import { CallOperationsService } from './calls/call-operations.service';
import { CallViews } from './calls/call-views';
import { CallsController } from './calls/calls.controller';
import { DeviceCallsController } from './calls/device-calls.controller';
import { ContactCenterSessionService } from './contact-center-session.service';
import { ChannelsController } from './controllers/channels.controller';
import { DevicesController } from './controllers/devices.controller';
import { DeviceOperationsService } from './device-operations.service';
import { DeviceSeating } from './device-seating';
import { NotReadyReasonsService } from './not-ready-reasons.service';
import { SessionNotifier } from './session-notifier';
import { StandbySessions } from './standby/standby-sessions';
import { UserNotifier } from './user-notifier';
import { VoiceEventsService } from './voice-events.service';
import { VoiceNotifications } from './voice-notifications';
import { VoiceSessions } from './voice-session';
import { EndpointRegistrationWatcher } from './webrtc/endpoint-registration.watcher';
import { GatewayControl } from './webrtc/gateway-control';
import { LapsedCredentialSweeper } from './webrtc/lapsed-credential-sweeper';
import { WebRtcController } from './webrtc/webrtc.controller';
import { WebRtcEndpoints } from './webrtc/webrtc-endpoints.service';

/** Agents' voice sessions, agent state and devices; needs the platform, stores and notifications modules. */
@Module({})
export class VoiceModule {
  static register(notifications: DynamicModule): DynamicModule {
    const services = [
      VoiceSessions,
      UserNotifier,
      SessionNotifier,
      NotReadyReasonsService,
      VoiceNotifications,
      DeviceSeating,
      StandbySessions,
      ContactCenterSessionService,
      AgentStateService,
      DeviceOperationsService,
      VoiceEventsService,
      CallNotifications,
      CallEventsService,
      CallOperationsService,
      CallViews,
      GatewayControl,
      WebRtcEndpoints,
      EndpointRegistrationWatcher,
      LapsedCredentialSweeper,
    ];
    return {
      module: VoiceModule,
      imports: [notifications],
      controllers: [ChannelsController, DevicesController, CallsController, DeviceCallsController, WebRtcController],
      providers: [{ provide: VoiceSessions, useValue: new VoiceSessions() }, ...services.slice(1)],
      exports: services,
    };
  }
}
