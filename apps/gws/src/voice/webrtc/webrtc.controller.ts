import { Controller, Get, Header } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Principal } from '../../auth/principal.decorator';
import { ApiGwsErrors } from '../../common/operations/api-operations.decorator';
import { GwsException } from '../../common/gws.exception';
import { GwsStatus } from '../../common/gws-status';
import type { GwsPrincipal } from '../../sessions/gws-principal';
import { VoiceSessions } from '../voice-session';
import { WebRtcEndpoints } from './webrtc-endpoints.service';
import type { WebRtcSettings } from './webrtc-settings';

const EXAMPLE: { statusCode: 0; webrtc: WebRtcSettings } = {
  statusCode: 0,
  webrtc: {
    dn: '5001',
    sip: {
      wsUri: 'wss://gw.example.com/ws',
      uri: 'sip:5001@gw.open-gws.test',
      authorizationUser: '5001',
      password: 'Vb1l2cJ2W8oQq7d3yXgS0kq1',
      realm: 'gw.open-gws.test',
      expiresAt: '2026-11-30T21:30:00.000Z',
    },
    iceServers: [
      {
        urls: ['turn:turn.example.com:3478?transport=udp'],
        username: '1796074200:7b7f9a3c',
        credential: 'b0tJ0n3U2r3nC5qvYk7d8H3x9Zs=',
      },
    ],
    iceTransportPolicy: 'all',
  },
};

/** An open-gws extension to GWS API v2: the agent's softphone settings (docs/sip-gateway.md). */
@ApiTags('Me')
@Controller('api/v2/me/webrtc')
export class WebRtcController {
  constructor(
    private readonly sessions: VoiceSessions,
    private readonly endpoints: WebRtcEndpoints,
  ) {}

  @Get()
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'Softphone settings (open-gws extension)',
    description:
      "What the browser needs to register the session's WebRTC DN at the SIP gateway: the gateway's WebSocket URI, " +
      'the SIP address and the credential GWS issued for this session (fetch again before `expiresAt` to keep it ' +
      'alive; it is revoked when the session ends), and ICE servers with TURN REST credentials. 404 (statusCode 6) ' +
      'before StartContactCenterSession, when no gateway is configured, or when the place has no WebRTC DN.',
  })
  @ApiOkResponse({ description: 'The settings', schema: { type: 'object', example: EXAMPLE } })
  @ApiGwsErrors()
  async settings(@Principal() principal: GwsPrincipal): Promise<{ statusCode: 0; webrtc: WebRtcSettings }> {
    const session = this.sessions.ofUser(principal.userId);
    if (session === undefined) {
      throw new GwsException(
        GwsStatus.NotFound,
        'No contact center session: send StartContactCenterSession first, then fetch the WebRTC settings',
      );
    }
    return { statusCode: 0, webrtc: await this.endpoints.settings(session) };
  }
}
