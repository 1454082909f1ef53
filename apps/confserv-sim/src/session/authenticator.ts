import { CfgObjectState, ConfServErrorCode } from '@gws/confserv';
import type { CfgStore } from '../store/cfg-store';
import type { PasswordVault } from '../store/password-vault';
import { RequestRefusal } from './request-refusal.error';

/**
 * Checks a person's credentials. Order: empty password, unknown user, wrong password, then disabled, so a
 * person's state is only revealed to someone who knows the password. Every answer but the empty password costs one
 * password hash. Texts: docs/confserv-sim.md.
 */
export async function authenticatePerson(
  store: CfgStore,
  vault: PasswordVault,
  userName: string,
  password: string,
): Promise<number> {
  if (password === '') throw new RequestRefusal(ConfServErrorCode.EmptyPassword, 'Empty password is not allowed');
  const person = store.personByUserName(userName);
  // Hashed whether or not the user exists, so that an unknown user name is not refused sooner than a wrong password.
  const matches = await vault.verify(person?.DBID, password);
  if (person === undefined) {
    throw new RequestRefusal(ConfServErrorCode.UnknownUser, `Unknown user name ${JSON.stringify(userName)}`);
  }
  if (!matches) {
    throw new RequestRefusal(ConfServErrorCode.WrongPassword, `Wrong password for user ${JSON.stringify(userName)}`);
  }
  if (person.state !== CfgObjectState.Enabled) {
    throw new RequestRefusal(ConfServErrorCode.DisabledPerson, `User ${JSON.stringify(userName)} is disabled`);
  }
  return person.DBID;
}
