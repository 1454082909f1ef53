import { createHash, createHmac, randomBytes } from 'node:crypto';
import { createSocket, type Socket } from 'node:dgram';

/**
 * A minimal STUN/TURN client over UDP (RFC 5389/5766): a Binding request (readiness) and an Allocate with
 * long-term credentials, enough to prove coturn takes or refuses a TURN REST credential.
 */

const MAGIC_COOKIE = 0x2112a442;
const BINDING = 0x0001;
const ALLOCATE = 0x0003;
/** The class bits of a message type: 0x0100 success response, 0x0110 error response. */
const CLASS_BITS = 0x0110;
const SUCCESS = 0x0100;
const ATTR = {
  USERNAME: 0x0006,
  MESSAGE_INTEGRITY: 0x0008,
  ERROR_CODE: 0x0009,
  REALM: 0x0014,
  NONCE: 0x0015,
  XOR_RELAYED_ADDRESS: 0x0016,
  REQUESTED_TRANSPORT: 0x0019,
} as const;

interface StunAnswer {
  readonly kind: 'success' | 'error';
  readonly attributes: ReadonlyMap<number, Buffer>;
}

export type AllocateResult =
  | { readonly ok: true; readonly relayed: { readonly address: string; readonly port: number } }
  | { readonly ok: false; readonly code: number; readonly reason: string };

/** The TURN REST API credential GWS mints: `<expiry>:<userId>`, base64(HMAC-SHA1(secret, username)). */
export function turnRestCredential(
  secret: string,
  userId: string,
  ttlSeconds = 3600,
): { username: string; credential: string } {
  const username = `${Math.floor(Date.now() / 1000) + ttlSeconds}:${userId}`;
  return { username, credential: createHmac('sha1', secret).update(username).digest('base64') };
}

/** True when a STUN Binding request is answered with success. */
export async function stunBinding(host: string, port: number, timeoutMs = 500): Promise<boolean> {
  return withSocket(
    async (socket) => (await transact(socket, host, port, encode(BINDING, []), timeoutMs)).kind === 'success',
  );
}

/**
 * An Allocate (UDP relay): first unauthenticated for the realm and nonce, then with the credential, from the same
 * socket (coturn ties a nonce to the client's address and port).
 */
export function turnAllocate(
  host: string,
  port: number,
  username: string,
  password: string,
  timeoutMs = 2000,
): Promise<AllocateResult> {
  return withSocket(async (socket) => {
    const transport = Buffer.from([17, 0, 0, 0]);
    const request = encode(ALLOCATE, [[ATTR.REQUESTED_TRANSPORT, transport]]);
    const challenge = await transact(socket, host, port, request, timeoutMs);
    const realm = challenge.attributes.get(ATTR.REALM);
    const nonce = challenge.attributes.get(ATTR.NONCE);
    if (challenge.kind !== 'error' || realm === undefined || nonce === undefined) {
      throw new Error('TURN server did not challenge the unauthenticated Allocate');
    }
    const key = createHash('md5').update(`${username}:${realm.toString()}:${password}`).digest();
    const attributes: [number, Buffer][] = [
      [ATTR.REQUESTED_TRANSPORT, transport],
      [ATTR.USERNAME, Buffer.from(username)],
      [ATTR.REALM, realm],
      [ATTR.NONCE, nonce],
    ];
    const answer = await transact(socket, host, port, encode(ALLOCATE, attributes, key), timeoutMs);
    if (answer.kind === 'error') {
      const error = answer.attributes.get(ATTR.ERROR_CODE) ?? Buffer.alloc(4);
      const reason = error.subarray(4).toString().replace(/\0+$/, '');
      return { ok: false, code: (error[2]! & 0x07) * 100 + error[3]!, reason };
    }
    const relayed = answer.attributes.get(ATTR.XOR_RELAYED_ADDRESS);
    if (relayed === undefined) throw new Error('Allocate success without XOR-RELAYED-ADDRESS');
    const address = [0, 1, 2, 3].map((i) => relayed[4 + i]! ^ ((MAGIC_COOKIE >>> (24 - 8 * i)) & 0xff)).join('.');
    return { ok: true, relayed: { address, port: relayed.readUInt16BE(2) ^ (MAGIC_COOKIE >>> 16) } };
  });
}

async function withSocket<T>(use: (socket: Socket) => Promise<T>): Promise<T> {
  const socket = createSocket('udp4');
  try {
    return await use(socket);
  } finally {
    socket.close();
  }
}

/** A request: header, attributes (padded to 4 bytes), then MESSAGE-INTEGRITY (HMAC-SHA1 keyed `key`) if given. */
function encode(method: number, attributes: readonly [number, Buffer][], key?: Buffer): Buffer {
  const body = Buffer.concat(
    attributes.map(([type, value]) => {
      const attribute = Buffer.alloc(4 + Math.ceil(value.length / 4) * 4);
      attribute.writeUInt16BE(type, 0);
      attribute.writeUInt16BE(value.length, 2);
      value.copy(attribute, 4);
      return attribute;
    }),
  );
  const header = Buffer.alloc(20);
  header.writeUInt16BE(method, 0);
  header.writeUInt32BE(MAGIC_COOKIE, 4);
  randomBytes(12).copy(header, 8);
  if (key === undefined) {
    header.writeUInt16BE(body.length, 2);
    return Buffer.concat([header, body]);
  }
  // The integrity covers the message with its length already counting the 24-byte MESSAGE-INTEGRITY attribute.
  header.writeUInt16BE(body.length + 24, 2);
  const hmac = createHmac('sha1', key)
    .update(Buffer.concat([header, body]))
    .digest();
  const integrity = Buffer.alloc(4);
  integrity.writeUInt16BE(ATTR.MESSAGE_INTEGRITY, 0);
  integrity.writeUInt16BE(20, 2);
  return Buffer.concat([header, body, integrity, hmac]);
}

function decode(message: Buffer): StunAnswer {
  const type = message.readUInt16BE(0);
  const attributes = new Map<number, Buffer>();
  for (let offset = 20; offset + 4 <= message.length;) {
    const attributeType = message.readUInt16BE(offset);
    const length = message.readUInt16BE(offset + 2);
    attributes.set(attributeType, message.subarray(offset + 4, offset + 4 + length));
    offset += 4 + Math.ceil(length / 4) * 4;
  }
  return { kind: (type & CLASS_BITS) === SUCCESS ? 'success' : 'error', attributes };
}

/** Sends `request` and resolves with the answer carrying its transaction id; resends every 250 ms (UDP). */
function transact(socket: Socket, host: string, port: number, request: Buffer, timeoutMs: number): Promise<StunAnswer> {
  const id = request.subarray(8, 20);
  return new Promise<StunAnswer>((resolve, reject) => {
    const onMessage = (message: Buffer): void => {
      if (message.length >= 20 && message.subarray(8, 20).equals(id)) done(() => resolve(decode(message)));
    };
    const onError = (error: Error): void => done(() => reject(error));
    const done = (settle: () => void): void => {
      clearInterval(resend);
      clearTimeout(timer);
      socket.off('message', onMessage);
      socket.off('error', onError);
      settle();
    };
    socket.on('message', onMessage);
    socket.on('error', onError);
    const send = (): void => socket.send(request, port, host);
    const resend = setInterval(send, 250);
    const timer = setTimeout(() => done(() => reject(new Error(`no STUN answer from ${host}:${port}`))), timeoutMs);
    send();
  });
}
