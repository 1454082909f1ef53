import { ConfServErrorCode } from '@gws/confserv';
import { CfgStore } from '../store/cfg-store';
import { directoryToCfg } from '../store/directory-to-cfg';
import { PasswordVault, scryptHasher, type PasswordHasher } from '../store/password-vault';
import { demoDirectory } from '../testing/sim-fixture';
import { authenticatePerson } from './authenticator';

describe('authenticatePerson', () => {
  /** The demo directory with only agent1 (DBID 101) given a password, and a vault that counts its hashes. */
  async function setUp() {
    const directory = demoDirectory();
    const store = new CfgStore(directoryToCfg(directory), directory.tenant.dbid);
    const scrypt = scryptHasher();
    let hashes = 0;
    const counting: PasswordHasher = (secret, salt) => {
      hashes++;
      return scrypt(secret, salt);
    };
    const vault = new PasswordVault(counting);
    await vault.set(101, 'password');
    hashes = 0;
    const attempt = async (userName: string, password: string) => {
      const before = hashes;
      const outcome = await authenticatePerson(store, vault, userName, password).then(
        (dbid) => ({ dbid }),
        (error: { errorCode?: number }) => ({ code: error.errorCode }),
      );
      return { ...outcome, hashes: hashes - before };
    };
    return { attempt };
  }

  it('hashes once for an unknown user, as for a wrong password, so that neither answers sooner', async () => {
    const { attempt } = await setUp();
    await expect(attempt('nobody', 'password')).resolves.toEqual({ code: ConfServErrorCode.UnknownUser, hashes: 1 });
    await expect(attempt('agent1', 'wrong')).resolves.toEqual({ code: ConfServErrorCode.WrongPassword, hashes: 1 });
    await expect(attempt('agent1', 'password')).resolves.toEqual({ dbid: 101, hashes: 1 });
    // agent2 has no hash in this vault, like a person created over the wire: the dummy is hashed all the same.
    await expect(attempt('agent2', 'password')).resolves.toEqual({ code: ConfServErrorCode.WrongPassword, hashes: 1 });
  });

  it('refuses an empty password first, before any lookup or hash', async () => {
    const { attempt } = await setUp();
    await expect(attempt('nobody', '')).resolves.toEqual({ code: ConfServErrorCode.EmptyPassword, hashes: 0 });
  });
});
