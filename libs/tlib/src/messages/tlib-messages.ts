import { MissingAttributeError } from '../errors/missing-attribute.error';
import { TlibError } from '../errors/tlib.error';
import type { TMessageName } from '../protocol/message-ids';
import type { TAttributes, TAttributeValues } from '../protocol/tlib-protocol';
import { messageSpec, type TLIB_MESSAGE_SPECS } from './message-specs';
import type { TMessage } from './tmessage';

type MandatoryOf<N extends TMessageName> = N extends keyof typeof TLIB_MESSAGE_SPECS
  ? (typeof TLIB_MESSAGE_SPECS)[N]['mandatory'][number]
  : never;

/** The attributes of message `N`: its mandatory ones required, every other one optional. */
export type TMessageAttributes<N extends TMessageName> = TAttributes & Pick<TAttributeValues, MandatoryOf<N>>;

/** A message whose mandatory attributes are known to be present. */
export interface CheckedTMessage<N extends TMessageName> extends TMessage<N> {
  readonly attributes: TMessageAttributes<N>;
}

/** Builds a message, checking its mandatory attributes at compile time and at run time. */
export function tmessage<N extends TMessageName>(name: N, attributes: TMessageAttributes<N>): CheckedTMessage<N> {
  const message = { name, attributes };
  checkMandatory(message);
  return message;
}

/** Names of the mandatory attributes `message` lacks (empty when it is complete). */
export function missingAttributes(message: TMessage): string[] {
  const spec = messageSpec(message.name);
  if (spec === undefined) return [];
  return spec.mandatory.filter((name) => message.attributes[name] === undefined);
}

/** @throws MissingAttributeError */
export function checkMandatory(message: TMessage): void {
  const missing = missingAttributes(message);
  if (missing.length > 0) throw new MissingAttributeError(message.name, missing);
}

/** Narrows a received message by name, checking its mandatory attributes. */
export function isTMessage<N extends TMessageName>(message: TMessage, name: N): message is CheckedTMessage<N> {
  return message.name === name && missingAttributes(message).length === 0;
}

/** Reads a received message as `name`. @throws TlibError if it is another message, MissingAttributeError if incomplete */
export function readTMessage<N extends TMessageName>(message: TMessage, name: N): CheckedTMessage<N> {
  if (message.name !== name) throw new TlibError('UNEXPECTED_MESSAGE', `expected ${name}, got ${message.name}`);
  checkMandatory(message);
  return message as CheckedTMessage<N>;
}
