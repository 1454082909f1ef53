import { CfgObjectState, ConfServErrorCode } from '@gws/confserv';
import type { CfgStore } from '../store/cfg-store';
import type { PasswordVault } from '../store/password-vault';
import { RequestRefusal } from './request-refusal.error';

/**
 * Checks a person's credentials. Order: empty password, unknown user, wrong password, then disabled, so a
 * person's state is only revealed to someone who knows the password. Texts: docs/confserv-sim.md.
 */
export async function authenticatePerson(
  store: CfgStore,
  vault: PasswordVault,
  userName: string,
  password: string,
): Promise<number> {
  if (password === '') throw new RequestRefusal(ConfServErrorCode.EmptyPassword, 'Empty password is not allowed');
  const person = store.personByUserName(userName);
  if (person === undefined) {
    throw new RequestRefusal(ConfServErrorCode.UnknownUser, `Unknown user name ${JSON.stringify(userName)}`);
  }
  if (!(await vault.verify(person.DBID, password))) {
    throw new RequestRefusal(ConfServErrorCode.WrongPassword, `Wrong password for user ${JSON.stringify(userName)}`);
  }
  if (person.state !== CfgObjectState.Enabled) {
    throw new RequestRefusal(ConfServErrorCode.DisabledPerson, `User ${JSON.stringify(userName)} is disabled`);
  }
  return person.DBID;
}
