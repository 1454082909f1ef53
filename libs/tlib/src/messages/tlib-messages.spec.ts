import { MissingAttributeError } from '../errors/missing-attribute.error';
import { TlibError } from '../errors/tlib.error';
import { TLIB_PROTOCOL } from '../protocol/tlib-protocol';
import { KVList } from '../values/kvlist';
import { TLIB_MESSAGE_SPECS, messageSpec } from './message-specs';
import { checkMandatory, isTMessage, missingAttributes, readTMessage, tmessage } from './tlib-messages';
import type { TMessage } from './tmessage';

describe('message specifications', () => {
  it('name only known messages and attributes, and replies that are events', () => {
    for (const [name, spec] of Object.entries(TLIB_MESSAGE_SPECS)) {
      expect(TLIB_PROTOCOL.findMessageName(TLIB_PROTOCOL.messageId(name))).toBe(name);
      for (const attribute of spec.mandatory) expect(TLIB_PROTOCOL.findAttribute(attribute)).toBeDefined();
      if ('reply' in spec) expect(spec.reply).toMatch(/^Event/);
    }
    expect(Object.keys(TLIB_MESSAGE_SPECS).length).toBeGreaterThanOrEqual(100);
  });

  it('use ConnID for the call acted on and TransferConnID / ConferenceConnID for the other one', () => {
    expect(messageSpec('RequestCompleteTransfer')?.mandatory).toEqual(['ThisDN', 'ConnID', 'TransferConnID']);
    expect(messageSpec('RequestCompleteConference')?.mandatory).toEqual(['ThisDN', 'ConnID', 'ConferenceConnID']);
    expect(messageSpec('RequestMakePredictiveCall')).toBeUndefined();
  });
});

describe('tmessage builder', () => {
  it('builds a message that has its mandatory attributes', () => {
    const message = tmessage('RequestAnswerCall', { ThisDN: '5001', ConnID: '006e02a9c4b1d001', ReferenceID: 9 });
    expect(message).toEqual({
      name: 'RequestAnswerCall',
      attributes: { ThisDN: '5001', ConnID: '006e02a9c4b1d001', ReferenceID: 9 },
    });
  });

  it('refuses a message without its mandatory attributes, naming them', () => {
    const build = () => tmessage('RequestAttachUserData', { ThisDN: '5001' } as never);
    expect(build).toThrow(MissingAttributeError);
    expect(build).toThrow('RequestAttachUserData requires ConnID, UserData');
    expect(build).toThrow(
      expect.objectContaining({ code: 'MISSING_ATTRIBUTE', missing: ['ConnID', 'UserData'] }) as Error,
    );
  });

  it('treats an undefined attribute as missing', () => {
    expect(() => tmessage('EventError', { ErrorCode: undefined } as never)).toThrow(MissingAttributeError);
  });

  it('checks nothing for messages without a specification', () => {
    const message: TMessage = { name: 'RequestMakePredictiveCall', attributes: {} };
    expect(missingAttributes(message)).toEqual([]);
    expect(() => checkMandatory(message)).not.toThrow();
  });
});

describe('reading received messages', () => {
  const received: TMessage = {
    name: 'EventAttachedDataChanged',
    attributes: { ThisDN: '5001', ConnID: '006e02a9c4b1d001', UserData: new KVList().add('a', 1) },
  };
  const incomplete: TMessage = { name: 'EventAttachedDataChanged', attributes: { ThisDN: '5001' } };

  it('narrows a complete message by name', () => {
    expect(isTMessage(received, 'EventAttachedDataChanged')).toBe(true);
    expect(isTMessage(received, 'EventRinging')).toBe(false);
    expect(isTMessage(incomplete, 'EventAttachedDataChanged')).toBe(false);
    expect(readTMessage(received, 'EventAttachedDataChanged').attributes.UserData.get('a')).toBe(1);
  });

  it('refuses another message, or an incomplete one', () => {
    expect(() => readTMessage(received, 'EventRinging')).toThrow(TlibError);
    expect(() => readTMessage(received, 'EventRinging')).toThrow(
      expect.objectContaining({ code: 'UNEXPECTED_MESSAGE' }) as Error,
    );
    expect(() => readTMessage(incomplete, 'EventAttachedDataChanged')).toThrow(MissingAttributeError);
    expect(() => checkMandatory(incomplete)).toThrow('EventAttachedDataChanged requires ConnID, UserData');
  });
});
