import { ResourceUrls } from './resource-urls';

describe('ResourceUrls', () => {
  const urls = new ResourceUrls('https://gws.example//');

  it('builds absolute URIs under /api/v2 from the base, whatever trailing slashes it has, and relative paths', () => {
    expect(urls.api).toBe('https://gws.example/api/v2');
    expect(urls.me()).toBe('https://gws.example/api/v2/me');
    expect(urls.user('u1')).toEqual({ uri: 'https://gws.example/api/v2/users/u1', path: '/users/u1' });
    expect(urls.device('d1')).toEqual({ uri: 'https://gws.example/api/v2/me/devices/d1', path: '/devices/d1' });
    expect(urls.call('c1')).toEqual({ uri: 'https://gws.example/api/v2/me/calls/c1', path: '/calls/c1' });
    expect(urls.channel('voice')).toBe('https://gws.example/api/v2/me/channels/voice');
  });

  it('gives a switch one voice environment id on every node, and another switch another', () => {
    const environment = urls.voiceEnvironment('SIP_Switch');
    expect(environment).toMatch(/^https:\/\/gws\.example\/api\/v2\/voice-environments\/[0-9a-f]{32}$/);
    expect(new ResourceUrls('http://other:8080').voiceEnvironment('SIP_Switch').split('/').pop()).toBe(
      environment.split('/').pop(),
    );
    expect(urls.voiceEnvironment('Other_Switch')).not.toBe(environment);
  });
});
