import { UnknownAttributeError, UnknownMessageError } from '../errors/unknown-id.error';
import { TlibProtocolError } from '../errors/protocol.error';
import { TLIB_ATTRIBUTES } from './attribute-ids';
import { TLIB_MESSAGE_NAMES } from './message-ids';
import { TLIB_PROTOCOL, tlibMessageId, tlibMessageName } from './tlib-protocol';

const messageIds = Array.from({ length: 183 }, (_, id) => id);
const attributeIds = Array.from({ length: 149 }, (_, id) => id);

describe('T-Lib registry', () => {
  it('lists message ids 0 to 182, each once, both ways', () => {
    expect(TLIB_MESSAGE_NAMES).toHaveLength(183);
    expect(new Set(TLIB_MESSAGE_NAMES).size).toBe(183);
    for (const id of messageIds) {
      const name = TLIB_PROTOCOL.messageName(id);
      expect(TLIB_PROTOCOL.messageId(name)).toBe(id);
    }
    expect(TLIB_PROTOCOL.messageEntries()).toHaveLength(183);
  });

  it.each([
    [0, 'RequestRegisterClient'],
    [30, 'RequestAttachUserData'],
    [52, 'EventError'],
    [60, 'EventRinging'],
    [85, 'EventAttachedDataChanged'],
    [87, 'EventOnHook'],
    [138, 'EventACK'],
    [182, 'EventResourceInfo'],
  ] as const)('maps message %i to %s', (id, name) => {
    expect(tlibMessageName(id)).toBe(name);
    expect(tlibMessageId(name)).toBe(id);
  });

  it('lists attribute ids 0 to 148, each once, both ways, with a value type', () => {
    expect(TLIB_ATTRIBUTES.map(([id]) => id)).toEqual(attributeIds);
    expect(new Set(TLIB_ATTRIBUTES.map(([, name]) => name)).size).toBe(149);
    for (const id of attributeIds) {
      const spec = TLIB_PROTOCOL.attributeById(id);
      expect(TLIB_PROTOCOL.attribute(spec.name)).toBe(spec);
      expect(['int', 'long', 'connid', 'string', 'binary', 'kvlist', 'timestamp']).toContain(spec.type);
    }
    expect(TLIB_PROTOCOL.attributeEntries()).toHaveLength(149);
  });

  it.each([
    [9, 'ConnID', 'connid'],
    [17, 'Reasons', 'kvlist'],
    [20, 'ThisDN', 'string'],
    [46, 'ErrorCode', 'int'],
    [51, 'UserData', 'kvlist'],
    [53, 'Extensions', 'kvlist'],
    [120, 'TimeStamp', 'timestamp'],
    [141, 'CallUUID', 'string'],
    [148, 'EventSequenceNumber', 'long'],
  ] as const)('maps attribute %i to %s (%s)', (id, name, type) => {
    expect(TLIB_PROTOCOL.attributeById(id)).toEqual({ id, name, type });
    expect(TLIB_PROTOCOL.attribute(name).id).toBe(id);
  });

  it.each([183, 999, -1])('refuses message id %i with a typed error', (id) => {
    expect(TLIB_PROTOCOL.findMessageName(id)).toBeUndefined();
    expect(() => TLIB_PROTOCOL.messageName(id)).toThrow(UnknownMessageError);
    expect(() => TLIB_PROTOCOL.messageName(id)).toThrow(
      expect.objectContaining({ code: 'UNKNOWN_MESSAGE', messageId: id }) as Error,
    );
  });

  it('refuses an unknown message name with a typed error', () => {
    expect(() => TLIB_PROTOCOL.messageId('EventNoSuchThing')).toThrow(
      expect.objectContaining({ code: 'UNKNOWN_MESSAGE', messageId: 'EventNoSuchThing' }) as Error,
    );
  });

  it.each([149, 0xffff])('refuses attribute id %i with a typed error', (id) => {
    expect(TLIB_PROTOCOL.findAttributeById(id)).toBeUndefined();
    expect(() => TLIB_PROTOCOL.attributeById(id)).toThrow(UnknownAttributeError);
  });

  it('refuses an unknown attribute name with a typed error, which is a protocol error', () => {
    expect(TLIB_PROTOCOL.findAttribute('NoSuchAttribute')).toBeUndefined();
    const run = () => TLIB_PROTOCOL.attribute('NoSuchAttribute');
    expect(run).toThrow(UnknownAttributeError);
    expect(run).toThrow(TlibProtocolError);
    expect(run).toThrow(expect.objectContaining({ code: 'UNKNOWN_ATTRIBUTE', attribute: 'NoSuchAttribute' }) as Error);
  });
});
