import { PasswordVault } from './password-vault';

describe('PasswordVault', () => {
  it('accepts only the exact password: not with a trailing NUL or space, not a prefix', async () => {
    const vault = new PasswordVault();
    await vault.set(101, 'password');
    await expect(vault.verify(101, 'password')).resolves.toBe(true);
    for (const attempt of ['password\0', 'password\0\0', 'password ', 'passwor', '', 'Password']) {
      await expect(vault.verify(101, attempt)).resolves.toBe(false);
    }
  });

  it('tells apart passwords that only differ by trailing NULs or past 64 bytes', async () => {
    const vault = new PasswordVault();
    const long = 'p'.repeat(100);
    await vault.set(1, 'secret\0');
    await vault.set(2, long);
    await vault.set(3, 'pässwörd');
    await expect(vault.verify(1, 'secret\0')).resolves.toBe(true);
    await expect(vault.verify(1, 'secret')).resolves.toBe(false);
    await expect(vault.verify(2, long)).resolves.toBe(true);
    await expect(vault.verify(2, long.slice(0, 99))).resolves.toBe(false);
    await expect(vault.verify(3, 'pässwörd')).resolves.toBe(true);
    await expect(vault.verify(3, 'passwort')).resolves.toBe(false);
    await expect(vault.verify(4, 'anything')).resolves.toBe(false);
    await expect(vault.verify(undefined, 'anything')).resolves.toBe(false);
  });
});
