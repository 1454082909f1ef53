import { UnknownAttributeError, UnknownMessageError } from '../errors/unknown-id.error';
import type { ValueType } from '../values/value-type';

export interface AttributeSpec {
  readonly id: number;
  readonly name: string;
  readonly type: ValueType;
}

/**
 * The public vocabulary of one protocol: message ids and names, attribute ids, names and value types.
 * Framing is generic over it, so T-Lib and Configuration Server share one wire profile.
 */
export class ProtocolDefinition {
  private readonly messageNames = new Map<number, string>();
  private readonly messageIds = new Map<string, number>();
  /** Indexed by id for the decoder's hot path (a Map lookup showed in its profile). */
  private readonly messageNamesById: (string | undefined)[] = [];
  /** Indexed by id for the decoder's hot path. */
  private readonly attributesById: (AttributeSpec | undefined)[] = [];
  private readonly attributesByName = new Map<string, AttributeSpec>();

  /**
   * @param key short stable key the wire profile maps to a protocol tag (`tlib`, `confserv`)
   * @param name human name used in error messages
   */
  constructor(
    readonly key: string,
    readonly name: string,
    messages: Iterable<readonly [number, string]>,
    attributes: Iterable<readonly [number, string, ValueType]>,
  ) {
    for (const [id, messageName] of messages) {
      this.messageNames.set(id, messageName);
      this.messageIds.set(messageName, id);
      this.messageNamesById[id] = messageName;
    }
    for (const [id, attributeName, type] of attributes) {
      const spec = { id, name: attributeName, type };
      this.attributesById[id] = spec;
      this.attributesByName.set(attributeName, spec);
    }
  }

  findMessageName(id: number): string | undefined {
    return this.messageNamesById[id];
  }

  messageName(id: number): string {
    const name = this.messageNames.get(id);
    if (name === undefined) throw new UnknownMessageError(this.name, id);
    return name;
  }

  messageId(name: string): number {
    const id = this.messageIds.get(name);
    if (id === undefined) throw new UnknownMessageError(this.name, name);
    return id;
  }

  findAttributeById(id: number): AttributeSpec | undefined {
    return this.attributesById[id];
  }

  findAttribute(name: string): AttributeSpec | undefined {
    return this.attributesByName.get(name);
  }

  attribute(name: string): AttributeSpec {
    const spec = this.attributesByName.get(name);
    if (spec === undefined) throw new UnknownAttributeError(this.name, name);
    return spec;
  }

  attributeById(id: number): AttributeSpec {
    const spec = this.attributesById[id];
    if (spec === undefined) throw new UnknownAttributeError(this.name, id);
    return spec;
  }

  messageEntries(): [number, string][] {
    return [...this.messageNames];
  }

  attributeEntries(): AttributeSpec[] {
    return [...this.attributesByName.values()];
  }
}
