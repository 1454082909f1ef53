import { KVList, MakeCallType, type TAttributes, type TMessage } from '@gws/tlib';
import { dtosOf } from '../../common/operations/command';
import { recordingTServer, refusal } from '../testing/voice-fixtures';
import type { CallOperation, CallPlan, CallTarget } from './call-operation';
import { CALL_OPERATIONS, DEVICE_CALL_OPERATIONS } from './call-operations';
import type { CallChange } from './model/agent-call';
import { CallTable } from './model/call-table';

const A = '5001';
const X = '0000000000000001';
const Y = '0000000000000002';

function on(table: CallTable, name: TMessage['name'], connId: string, extra: TAttributes = {}): CallChange[] {
  return table.apply({
    name,
    attributes: { ThisDN: A, ConnID: connId, CallUUID: `UUID-${connId}`, CallType: 2, ...extra },
  });
}

/** X established with +1555 at A. */
function talking(): CallTable {
  const table = new CallTable(() => 0);
  on(table, 'EventRinging', X, { OtherDN: '+1555' });
  on(table, 'EventEstablished', X);
  return table;
}

/** X held at A while A consults 5002 on Y (a transfer). */
function consulting(): CallTable {
  const table = talking();
  table.expectConsult(A, `UUID-${X}`, 'transfer');
  on(table, 'EventHeld', X);
  on(table, 'EventDialing', Y, { CallType: 4, OtherDN: '5002' });
  on(table, 'EventEstablished', Y);
  return table;
}

function target(calls: CallTable, connId: string): CallTarget {
  return { calls, call: calls.byConnId(connId)! };
}

/** Runs the operation named `name` with a v2 `body` on the call `connId`: what it sent, and its undo. */
async function run(
  name: keyof typeof CALL_OPERATIONS,
  body: object,
  calls: CallTable,
  connId = X,
): Promise<{ sent: TMessage[]; undo: CallPlan['undo'] }> {
  const operation: CallOperation = CALL_OPERATIONS[name];
  const plan = operation.plan(operation.params(body), target(calls, connId));
  const tserver = recordingTServer();
  await plan.send(tserver);
  return { sent: tserver.sent, undo: plan.undo };
}

describe('CALL_OPERATIONS', () => {
  it('names each definition after its key, with the DTO of that operationName, in the order the API lists them', () => {
    for (const [key, operation] of Object.entries(CALL_OPERATIONS)) {
      expect(operation.name).toBe(key);
      expect(operation.dto.name).toBe(`${key}Dto`);
    }
    expect(dtosOf(CALL_OPERATIONS).map((dto) => dto.name)).toEqual(
      Object.keys(CALL_OPERATIONS).map((name) => `${name}Dto`),
    );
  });

  it.each([
    ['Answer', 'RequestAnswerCall'],
    ['Hold', 'RequestHoldCall'],
    ['Hangup', 'RequestReleaseCall'],
    ['Retrieve', 'RequestRetrieveCall'],
    ['DeleteUserData', 'RequestDeleteUserData'],
  ] as const)('%s sends %s on the call', async (name, request) => {
    expect((await run(name, { operationName: name }, talking())).sent).toEqual([
      { name: request, attributes: { ThisDN: A, ConnID: X } },
    ]);
  });

  it('sends the one parameter of SendDtmf, DeleteUserDataPair and Redirect', async () => {
    expect((await run('SendDtmf', { digits: '12#' }, talking())).sent[0]).toEqual({
      name: 'RequestSendDTMF',
      attributes: { ThisDN: A, ConnID: X, DTMFDigits: '12#' },
    });
    expect((await run('DeleteUserDataPair', { key: 'Segment' }, talking())).sent[0]).toEqual({
      name: 'RequestDeletePair',
      attributes: { ThisDN: A, ConnID: X, DataKey: 'Segment' },
    });
    const redirect = { destination: { phoneNumber: '5003' }, location: 'Site_A', userData: { a: 'b' } };
    expect((await run('Redirect', redirect, talking())).sent[0]).toEqual({
      name: 'RequestRedirectCall',
      attributes: { ThisDN: A, ConnID: X, OtherDN: '5003' },
    });
  });

  it('attaches and updates user data as a KVList, numbers that are not int32 as strings', async () => {
    const userData = { Segment: 'Gold', Score: 42, Ratio: 0.5 };
    const expected = KVList.from({ Segment: 'Gold', Score: 42, Ratio: '0.5' });
    expect((await run('AttachUserData', { userData }, talking())).sent[0]).toEqual({
      name: 'RequestAttachUserData',
      attributes: { ThisDN: A, ConnID: X, UserData: expected },
    });
    expect((await run('UpdateUserData', { userData }, talking())).sent[0]?.name).toBe('RequestUpdateUserData');
  });

  it.each([
    ['SingleStepTransfer', 'RequestSingleStepTransfer'],
    ['SingleStepConference', 'RequestSingleStepConference'],
  ] as const)('%s sends %s towards the destination, with Location and UserData', async (name, request) => {
    const body = { destination: { phoneNumber: '5002' }, location: 'Site_A', userData: { Case: 7 } };
    expect((await run(name, body, talking())).sent).toEqual([
      {
        name: request,
        attributes: {
          ThisDN: A,
          ConnID: X,
          OtherDN: '5002',
          Location: 'Site_A',
          UserData: KVList.from({ Case: 7 }),
        },
      },
    ]);
  });

  it('InitiateTransfer tells the table a consultation is coming, and takes it back when refused', async () => {
    const calls = talking();
    const { sent } = await run('InitiateTransfer', { destination: { phoneNumber: '5002' } }, calls);
    expect(sent).toEqual([{ name: 'RequestInitiateTransfer', attributes: { ThisDN: A, ConnID: X, OtherDN: '5002' } }]);
    on(calls, 'EventHeld', X);
    expect(calls.byConnId(X)?.consult).toEqual({ id: undefined, kind: 'transfer' });

    const refused = talking();
    const conference = await run('InitiateConference', { destination: { phoneNumber: '5002' } }, refused);
    expect(conference.sent[0]?.name).toBe('RequestInitiateConference');
    expect(conference.undo?.()).toEqual([]);
    on(refused, 'EventHeld', X);
    expect(refused.byConnId(X)?.consult).toBeUndefined();
  });

  it('CompleteTransfer names the held call and the consultation, and holds the consultation release back', async () => {
    const calls = consulting();
    const { sent, undo } = await run('CompleteTransfer', {}, calls, Y);
    expect(sent).toEqual([
      { name: 'RequestCompleteTransfer', attributes: { ThisDN: A, ConnID: X, TransferConnID: Y } },
    ]);
    expect(on(calls, 'EventReleased', Y)).toEqual([]);
    expect(calls.byConnId(Y)).toBeUndefined();
    expect(undo?.().map(({ call }) => [call.id, call.state])).toEqual([[`UUID-${Y}`, 'Released']]);
  });

  it('CompleteConference and SwapCalls put the held call first', async () => {
    expect((await run('CompleteConference', {}, consulting())).sent[0]).toEqual({
      name: 'RequestCompleteConference',
      attributes: { ThisDN: A, ConnID: X, ConferenceConnID: Y },
    });
    expect((await run('SwapCalls', {}, consulting(), Y)).sent[0]).toEqual({
      name: 'RequestAlternateCall',
      attributes: { ThisDN: A, ConnID: X, TransferConnID: Y },
    });
  });

  it('cancels a consultation with ReconnectCall, by Hangup on it or Retrieve on the held call', async () => {
    const reconnect = { name: 'RequestReconnectCall', attributes: { ThisDN: A, ConnID: X, TransferConnID: Y } };
    expect((await run('Hangup', {}, consulting(), Y)).sent).toEqual([reconnect]);
    expect((await run('Retrieve', {}, consulting(), X)).sent).toEqual([reconnect]);
  });

  it('finds the other call from the URI a v2 body names, with or without a trailing slash', () => {
    const { CompleteTransfer, CompleteConference, SwapCalls } = CALL_OPERATIONS;
    const uri = 'http://gws.example/api/v2/me/calls/UUID-2/';
    expect(CompleteTransfer.params({ operationName: 'CompleteTransfer', consultCallUri: uri })).toEqual({
      otherCallId: 'UUID-2',
    });
    expect(CompleteConference.params({ operationName: 'CompleteConference' })).toEqual({ otherCallId: undefined });
    expect(SwapCalls.params({ operationName: 'SwapCalls', otherCallUri: uri.slice(0, -1) })).toEqual({
      otherCallId: 'UUID-2',
    });
    const calls = consulting();
    expect(refusal(() => SwapCalls.plan({ otherCallId: 'UUID-9' }, target(calls, X)))).toEqual([
      6,
      'Call UUID-9 not found',
    ]);
  });

  it('removes a participant of the conference, and refuses someone who is not one with 10', async () => {
    expect((await run('RemoveParticipantFromConference', { participant: '+1555' }, talking())).sent[0]).toEqual({
      name: 'RequestDeleteFromConference',
      attributes: { ThisDN: A, ConnID: X, OtherDN: '+1555' },
    });
    const { RemoveParticipantFromConference } = CALL_OPERATIONS;
    expect(refusal(() => RemoveParticipantFromConference.plan({ participant: '5009' }, target(talking(), X)))).toEqual([
      10,
      `5009 is not a participant of call UUID-${X}; participants: +1555`,
    ]);
  });
});

describe('DEVICE_CALL_OPERATIONS', () => {
  it('Dial makes a regular call from the DN, with Location and UserData only when given', async () => {
    const { Dial } = DEVICE_CALL_OPERATIONS;
    expect(Dial.name).toBe('Dial');
    const tserver = recordingTServer();
    await Dial.send(Dial.params({ operationName: 'Dial', destination: { phoneNumber: '+15550001' } }), A, tserver);
    await Dial.send(
      Dial.params({
        operationName: 'Dial',
        destination: { phoneNumber: '5002' },
        location: 'Site_A',
        userData: { Campaign: 'Spring' },
      }),
      A,
      tserver,
    );
    expect(tserver.sent).toEqual([
      { name: 'RequestMakeCall', attributes: { ThisDN: A, OtherDN: '+15550001', MakeCallType: MakeCallType.Regular } },
      {
        name: 'RequestMakeCall',
        attributes: {
          ThisDN: A,
          OtherDN: '5002',
          MakeCallType: MakeCallType.Regular,
          Location: 'Site_A',
          UserData: KVList.from({ Campaign: 'Spring' }),
        },
      },
    ]);
  });
});
