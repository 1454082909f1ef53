import { basicCredentials } from './basic-credentials';

const header = (text: string): string => `Basic ${Buffer.from(text, 'utf8').toString('base64')}`;

describe('basicCredentials', () => {
  it('splits at the first colon only, keeping colons in the password', () => {
    expect(basicCredentials(header('agent1:pa:ss:word'))).toEqual({ userName: 'agent1', password: 'pa:ss:word' });
    expect(basicCredentials(header('agent1:'))).toEqual({ userName: 'agent1', password: '' });
  });

  it('keeps every character of the password, a trailing NUL included', () => {
    expect(basicCredentials(header('agent1:password\0'))?.password).toBe('password\0');
    expect(basicCredentials(header('agent1:pässwörd'))?.password).toBe('pässwörd');
  });

  it('accepts any case of the scheme', () => {
    expect(basicCredentials(`bAsIc ${Buffer.from('a:b').toString('base64')}`)).toEqual({
      userName: 'a',
      password: 'b',
    });
  });

  it.each([
    ['no header', undefined],
    ['another scheme', 'Bearer abc'],
    ['no colon', header('agent1')],
    ['an empty user name', header(':password')],
    ['not base64', 'Basic ***'],
  ])('is undefined for %s', (_name, value) => {
    expect(basicCredentials(value)).toBeUndefined();
  });
});
