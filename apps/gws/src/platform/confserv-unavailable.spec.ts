import { HttpStatus, Logger } from '@nestjs/common';
import {
  ObjectNotFoundError,
  RequestTimeoutError,
  ServerUnavailableError,
  WrongPasswordError,
  type ConfServClient,
} from '@gws/confserv';
import { AuthenticationFailure } from '../auth/user-authenticator';
import { loadGwsConfig } from '../config/gws-config';
import { AgentDirectoryService } from './agent-directory.service';
import { ConfServUnavailableException } from './confserv-unavailable.exception';
import { ConfServUserAuthenticator } from './confserv-user-authenticator';

const config = loadGwsConfig({ CONFSERV_LOGIN_TIMEOUT_SECONDS: '2', CONFSERV_REQUEST_TIMEOUT_SECONDS: '7' });
const timeout = new RequestTimeoutError('RequestReadObjects', 12, 2000, 'Configuration Server');
const linkDown = new ServerUnavailableError('RequestReadObjects', 'link connecting');

/** A ConfServClient whose every read fails with `error`; `authenticate` records the options it was given. */
function failingClient(error: Error, calls: unknown[] = []): ConfServClient {
  const fail = (...args: unknown[]): Promise<never> => {
    calls.push(args.at(-1));
    return Promise.reject(error);
  };
  return {
    authenticate: fail,
    readAgentProfile: fail,
    readObjects: fail,
    readActionCodes: fail,
    readApplicationOptions: fail,
  } as unknown as ConfServClient;
}

describe('Configuration Server unavailable on the GWS side', () => {
  beforeAll(() => {
    Logger.overrideLogger(false);
  });

  it.each([
    ['a request timeout', timeout],
    ['a link that is down', linkDown],
  ])('answers 503 statusCode 4 for every directory read on %s', async (_what, error) => {
    const directory = new AgentDirectoryService(failingClient(error), config);
    for (const read of [
      () => directory.agent('agent1'),
      () => directory.placeDns('Place_5003'),
      () => directory.notReadyReasons(),
      () => directory.applicationOptions(),
    ]) {
      const refused: unknown = await read().catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(ConfServUnavailableException);
      expect((refused as ConfServUnavailableException).getStatus()).toBe(HttpStatus.SERVICE_UNAVAILABLE);
      expect(refused).toMatchObject({
        statusCode: 4,
        statusMessage: 'Configuration Server is unavailable; try again shortly',
        detail: error.message,
      });
    }
  });

  it('still answers empty application options when the application is not configured', async () => {
    const directory = new AgentDirectoryService(failingClient(new ObjectNotFoundError('CfgApplication', 'x')), config);
    await expect(directory.applicationOptions()).resolves.toEqual({});
  });

  it('refuses a login as "unavailable" on a timeout, with the login timeout', async () => {
    const calls: unknown[] = [];
    const client = failingClient(timeout, calls);
    const authenticator = new ConfServUserAuthenticator(client, config, new AgentDirectoryService(client, config));
    await expect(authenticator.authenticate('agent1', 'password')).rejects.toEqual(
      new AuthenticationFailure('unavailable', 'agent1'),
    );
    expect(calls).toEqual([{ timeoutMs: 2000 }]);
  });

  it('refuses a login as "unavailable" when the profile read finds the link down', async () => {
    const client = failingClient(linkDown);
    const accepting = { ...client, authenticate: () => Promise.resolve({ userName: 'agent1', personDBID: 101 }) };
    const authenticator = new ConfServUserAuthenticator(
      accepting as unknown as ConfServClient,
      config,
      new AgentDirectoryService(client, config),
    );
    const failure: unknown = await authenticator.authenticate('agent1', 'password').catch((e: unknown) => e);
    expect(failure).toMatchObject({ reason: 'unavailable', userName: 'agent1' });
  });

  it('keeps a refusal a refusal', async () => {
    const client = failingClient(new WrongPasswordError('agent1'));
    const authenticator = new ConfServUserAuthenticator(client, config, new AgentDirectoryService(client, config));
    const failure: unknown = await authenticator.authenticate('agent1', 'nope').catch((e: unknown) => e);
    expect(failure).toMatchObject({ reason: 'wrong-password' });
  });
});
