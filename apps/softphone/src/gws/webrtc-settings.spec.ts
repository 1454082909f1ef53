/// <reference types="jest" />
import { peerConnectionConfig } from '../phone/pc-config';
import { parseWebrtcSettings } from './webrtc-settings';

/** The contract's example answer of GET /api/v2/me/webrtc. */
const answer = {
  statusCode: 0,
  webrtc: {
    dn: '5001',
    sip: {
      wsUri: 'wss://127.0.0.1:8443/ws',
      uri: 'sip:5001@gw.open-gws.test',
      authorizationUser: '5001',
      password: 'secret',
      realm: 'gw.open-gws.test',
      expiresAt: '2026-01-01T00:30:00.000Z',
    },
    iceServers: [{ urls: ['turn:127.0.0.1:3478?transport=udp'], username: '1767226200:u1', credential: 'abc=' }],
    iceTransportPolicy: 'all',
  },
};

describe('parseWebrtcSettings', () => {
  it('reads the contract shape', () => {
    expect(parseWebrtcSettings(answer)).toEqual(answer.webrtc);
  });

  it('takes a missing ICE list as empty and a missing policy as all', () => {
    const rest: Partial<typeof answer.webrtc> = { ...answer.webrtc };
    delete rest.iceServers;
    delete rest.iceTransportPolicy;
    expect(parseWebrtcSettings({ statusCode: 0, webrtc: rest })).toMatchObject({
      iceServers: [],
      iceTransportPolicy: 'all',
    });
  });

  it('refuses a shape it could not register with, naming the field', () => {
    expect(() => parseWebrtcSettings({ statusCode: 0 })).toThrow('webrtc is missing');
    const noPassword = { ...answer.webrtc, sip: { ...answer.webrtc.sip, password: '' } };
    expect(() => parseWebrtcSettings({ statusCode: 0, webrtc: noPassword })).toThrow('password is missing');
    const badDate = { ...answer.webrtc, sip: { ...answer.webrtc.sip, expiresAt: 'soon' } };
    expect(() => parseWebrtcSettings({ statusCode: 0, webrtc: badDate })).toThrow("expiresAt 'soon' is not a date");
    expect(() =>
      parseWebrtcSettings({ statusCode: 0, webrtc: { ...answer.webrtc, iceTransportPolicy: 'none' } }),
    ).toThrow('iceTransportPolicy "none"');
  });
});

describe('peerConnectionConfig', () => {
  const settings = parseWebrtcSettings(answer);

  it('always passes the ICE servers and GWS policy', () => {
    expect(peerConnectionConfig(settings, new URL('http://gws/ui/softphone/'))).toMatchObject({
      iceServers: answer.webrtc.iceServers,
      iceTransportPolicy: 'all',
    });
    const none = { ...settings, iceServers: [] };
    expect(peerConnectionConfig(none, new URL('http://gws/ui/softphone/')).iceServers).toEqual([]);
  });

  it('lets ?iceTransportPolicy=relay override, and ignores other values', () => {
    expect(peerConnectionConfig(settings, new URL('http://gws/?iceTransportPolicy=relay')).iceTransportPolicy).toBe(
      'relay',
    );
    expect(peerConnectionConfig(settings, new URL('http://gws/?iceTransportPolicy=bogus')).iceTransportPolicy).toBe(
      'all',
    );
  });
});
