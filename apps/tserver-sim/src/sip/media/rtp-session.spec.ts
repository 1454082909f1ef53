import type { Socket } from 'node:dgram';
import { waitFor } from '@gws/testing';
import { bindUdp } from '../udp-port';
import { decodeRtp, encodeRtp, type RtpPacket } from './rtp-packet';
import { RtpSession } from './rtp-session';

describe('RtpSession (a UDP socket on loopback as the far end)', () => {
  let far: Socket;
  let session: RtpSession;
  const received: RtpPacket[] = [];

  beforeEach(async () => {
    received.length = 0;
    far = await bindUdp('127.0.0.1', 0);
    far.on('message', (data) => {
      const packet = decodeRtp(data);
      if (packet !== undefined) received.push(packet);
    });
    session = await RtpSession.open('127.0.0.2', Date.now);
  });
  afterEach(() => {
    session.close();
    far.close();
  });

  const target = (): Parameters<RtpSession['setTarget']>[0] => ({
    address: '127.0.0.1',
    port: far.address().port,
    codec: 'PCMA',
    payloadType: 8,
    eventPayloadType: 101,
  });

  it('sends 20 ms PCMA packets of the tone in sequence, only while sending', async () => {
    session.setTarget(target());
    expect(received).toHaveLength(0);
    session.setSending(true);
    await waitFor(() => received.length >= 5, 2000, 'five packets');
    session.setSending(false);
    const [first, second] = received;
    expect(first).toMatchObject({ payloadType: 8, marker: false });
    expect(first?.payload).toHaveLength(160);
    expect(second!.sequence).toBe((first!.sequence + 1) & 0xffff);
    expect(second!.timestamp).toBe((first!.timestamp + 160) >>> 0);
    expect(session.stats().packetsOut).toBe(received.length);
  });

  it('plays digits as RFC 4733 events: marker on the first packet, one timestamp, growing duration, end sent thrice', async () => {
    session.setTarget(target());
    session.setSending(true);
    session.sendDigits('5#');
    await waitFor(() => received.filter((packet) => packet.payloadType === 101).length >= 16, 3000, 'both digits');
    const events = received.filter((packet) => packet.payloadType === 101);
    const five = events.filter((packet) => packet.payload[0] === 5);
    const pound = events.filter((packet) => packet.payload[0] === 11);
    for (const digit of [five, pound]) {
      expect(digit).toHaveLength(8);
      expect(digit.map((packet) => packet.marker)).toEqual([true, false, false, false, false, false, false, false]);
      expect(new Set(digit.map((packet) => packet.timestamp)).size).toBe(1);
      expect(digit.map((packet) => packet.payload.readUInt16BE(2))).toEqual([160, 320, 480, 640, 800, 800, 800, 800]);
      expect(digit.map((packet) => (packet.payload[1]! & 0x80) !== 0)).toEqual([
        false,
        false,
        false,
        false,
        false,
        true,
        true,
        true,
      ]);
    }
    expect(pound[0]!.timestamp).toBeGreaterThan(five[0]!.timestamp);
  });

  it('measures the level of what arrives, audio payloads only', async () => {
    const send = (payloadType: number, payload: Buffer, sequence: number): void =>
      void far.send(
        encodeRtp({ payloadType, marker: false, sequence, timestamp: sequence * 160, ssrc: 1, payload }),
        session.port,
        '127.0.0.2',
      );
    const fullScale = Buffer.alloc(160, 0xaa); // A-law +32256 on every sample
    send(8, fullScale, 1);
    send(101, Buffer.from([1, 0x8a, 0, 160]), 2);
    await waitFor(() => session.stats().packetsIn === 2, 2000, 'both packets');
    expect(session.stats().rms).toBeCloseTo(32256 / 32768, 3);
  });
});
