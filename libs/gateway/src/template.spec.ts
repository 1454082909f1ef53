import { enableMarkedLines, fillTemplate } from './template';

describe('fillTemplate', () => {
  it('fills ${NAME} placeholders and leaves other dollar names (Kamailio, nginx variables) alone', () => {
    expect(fillTemplate('a ${X} $b $(c) ${Y}', { X: 1, Y: 'y' })).toBe('a 1 $b $(c) y');
  });

  it('refuses a placeholder without a value and a value without a placeholder', () => {
    expect(() => fillTemplate('${X} ${Y}', { X: 1 })).toThrow('${Y}');
    expect(() => fillTemplate('${X}', { X: 1, Z: 2 })).toThrow('Z');
  });

  it('turns on marked lines only', () => {
    expect(enableMarkedLines('#on a\n  #on b\n# on c\n#off d', 'on')).toBe('a\n  b\n# on c\n#off d');
  });
});
