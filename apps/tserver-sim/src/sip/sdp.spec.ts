import { answerSdp, mirror, offerSdp, parseSdp, type LocalMedia } from './sdp';

const local: LocalMedia = { address: '127.0.0.2', port: 40000, sessionId: 7, version: 1, direction: 'sendrecv' };

/** What rtpengine answered toward the SIP side in the notes' run (section 3), trimmed. */
const RTPENGINE_ANSWER = [
  'v=0',
  'o=- 1 2 IN IP4 127.0.0.1',
  's=-',
  'c=IN IP4 127.0.0.1',
  't=0 0',
  'm=audio 30018 RTP/AVP 8 0 101',
  'a=rtpmap:8 PCMA/8000',
  'a=rtpmap:0 PCMU/8000',
  'a=rtpmap:101 telephone-event/8000',
  'a=fmtp:101 0-15',
  'a=sendrecv',
  'a=rtcp:30019',
  '',
].join('\r\n');

describe('SDP for the SIP side', () => {
  it('offers PCMA, PCMU and telephone-event over plain RTP/AVP from our address', () => {
    const offer = offerSdp(local);
    expect(offer).toContain('c=IN IP4 127.0.0.2\r\n');
    expect(offer).toContain('m=audio 40000 RTP/AVP 8 0 101\r\n');
    expect(offer).toContain('a=rtpmap:101 telephone-event/8000\r\na=fmtp:101 0-15\r\n');
    expect(offer.endsWith('a=sendrecv\r\n')).toBe(true);
    expect(parseSdp(offer)).toEqual({
      address: '127.0.0.2',
      port: 40000,
      codec: 'PCMA',
      payloadType: 8,
      eventPayloadType: 101,
      direction: 'sendrecv',
    });
  });

  it("reads the gateway's answer: first G.711 format, the event type, media-level attributes", () => {
    expect(parseSdp(RTPENGINE_ANSWER)).toEqual({
      address: '127.0.0.1',
      port: 30018,
      codec: 'PCMA',
      payloadType: 8,
      eventPayloadType: 101,
      direction: 'sendrecv',
    });
    const pcmuOnly = RTPENGINE_ANSWER.replace('RTP/AVP 8 0 101', 'RTP/AVP 0').replace('a=sendrecv', 'a=sendonly');
    expect(parseSdp(pcmuOnly)).toMatchObject({
      codec: 'PCMU',
      payloadType: 0,
      eventPayloadType: undefined,
      direction: 'sendonly',
    });
  });

  it('reads c=0.0.0.0 as a hold and refuses what it cannot play', () => {
    expect(parseSdp(RTPENGINE_ANSWER.replace('c=IN IP4 127.0.0.1', 'c=IN IP4 0.0.0.0'))?.direction).toBe('inactive');
    expect(parseSdp(RTPENGINE_ANSWER.replace('RTP/AVP 8 0 101', 'RTP/AVP 111'))).toBeUndefined();
    expect(parseSdp(RTPENGINE_ANSWER.replace('m=audio 30018', 'm=audio 0'))).toBeUndefined();
    expect(parseSdp('')).toBeUndefined();
  });

  it("answers a phone's re-INVITE with its codec and the mirror of its direction", () => {
    const holdOffer = parseSdp(RTPENGINE_ANSWER.replace('a=sendrecv', 'a=sendonly'))!;
    const answer = answerSdp(local, holdOffer);
    expect(answer).toContain('m=audio 40000 RTP/AVP 8 101\r\n');
    expect(answer.endsWith('a=recvonly\r\n')).toBe(true);
    expect(mirror('inactive')).toBe('inactive');
    expect(mirror('recvonly')).toBe('sendonly');
    expect(mirror('sendrecv', 'sendonly')).toBe('sendonly');
  });
});
