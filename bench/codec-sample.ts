import { KVList, KVType, tmessage, type TMessage } from '@gws/tlib';

/**
 * The benchmark's representative EventRinging: the attributes an inbound call carries to an agent DN, with ten
 * user-data pairs of mixed kinds and one nested list.
 */
export function sampleEventRinging(variant = 0): TMessage {
  const userData = new KVList()
    .add('CustomerID', 'C-0042-7781')
    .add('Segment', 'gold')
    .add('Language', 'fr-CA')
    .add('Priority', 7)
    .add('IVRPath', 'main>billing>agent')
    .add('AccountBalance', 1520)
    .add('Greeting', 'Bonjour, très cher client', KVType.Unicode)
    .add('Token', Uint8Array.from([0xde, 0xad, 0xbe, 0xef, 0x01, 0x02, 0x03, 0x04]))
    .add('CaseNumber', 'CASE-2026-000123')
    .add('Verified', 1)
    .add('Address', new KVList().add('City', 'Montréal').add('Zip', 'H2X 1Y4').add('Floor', 3));
  // A variant number gives the per-call values (caller, ConnID, CallUUID) distinct contents of the same length.
  const caller = `+1514555${String(variant % 10000).padStart(4, '0')}`;
  return tmessage('EventRinging', {
    ThisDN: '5001',
    OtherDN: caller,
    ConnID: (0x006e02a9c4b1d001n + BigInt(variant)).toString(16).padStart(16, '0'),
    CallUUID: `G3R7KQ5N0H1JT2B8C4M${String(variant).padStart(7, '0')}`,
    CallType: 2,
    ANI: caller,
    DNIS: '8005551000',
    UserData: userData,
  });
}

/** The same message as the plain object a JSON transport would carry. */
export function samplePlainObject(message: TMessage): Record<string, unknown> {
  const attributes: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(message.attributes)) {
    attributes[name] = value instanceof KVList ? value.toObject() : value;
  }
  return { message: message.name, attributes };
}

/** A module-local copy: tsx compiles imported bindings to getter calls, which would be charged to the decoder. */
const List = KVList;

/**
 * Reads every attribute value and every user-data pair, nested lists included, as a consumer that forwards the whole
 * event does (a deferred KVList builds its pairs here). Returns how many values it read.
 */
export function readEveryValue(message: TMessage): number {
  let count = 0;
  const attributes: Readonly<Record<string, unknown>> = message.attributes;
  for (const name in attributes) {
    const value = attributes[name];
    count += value instanceof List ? readPairs(value) : 1;
  }
  return count;
}

function readPairs(list: KVList): number {
  let count = 0;
  for (const { value } of list) count += value instanceof List ? readPairs(value) : 1;
  return count;
}
