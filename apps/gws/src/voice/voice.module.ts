import { Module, type DynamicModule } from '@nestjs/common';
import { AgentStateService } from './agent-state.service';
import { ContactCenterSessionService } from './contact-center-session.service';
import { ChannelsController } from './controllers/channels.controller';
import { DevicesController } from './controllers/devices.controller';
import { DeviceOperationsService } from './device-operations.service';
import { NotReadyReasonsService } from './not-ready-reasons.service';
import { UserNotifier } from './user-notifier';
import { VoiceEventsService } from './voice-events.service';
import { VoiceNotifications } from './voice-notifications';
import { VoiceSessions } from './voice-session';

/** Agents' voice sessions, agent state and devices; needs the platform, stores and notifications modules. */
@Module({})
export class VoiceModule {
  static register(notifications: DynamicModule): DynamicModule {
    const services = [
      VoiceSessions,
      UserNotifier,
      NotReadyReasonsService,
      VoiceNotifications,
      ContactCenterSessionService,
      AgentStateService,
      DeviceOperationsService,
      VoiceEventsService,
    ];
    return {
      module: VoiceModule,
      imports: [notifications],
      controllers: [ChannelsController, DevicesController],
      providers: [{ provide: VoiceSessions, useValue: new VoiceSessions() }, ...services.slice(1)],
      exports: services,
    };
  }
}
