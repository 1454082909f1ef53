/// <reference types="jest" />
import { asksForAutoAnswer } from './cti-control';

describe('asksForAutoAnswer', () => {
  it('answers a Call-Info with answer-after=0, whatever the spacing and case', () => {
    expect(asksForAutoAnswer('<sip:127.0.0.2>;answer-after=0')).toBe(true);
    expect(asksForAutoAnswer('<http://x/>;purpose=info, <sip:s>; Answer-After = 0')).toBe(true);
  });

  it('rings otherwise', () => {
    expect(asksForAutoAnswer(undefined)).toBe(false);
    expect(asksForAutoAnswer('<sip:127.0.0.2>;answer-after=5')).toBe(false);
    expect(asksForAutoAnswer('<sip:127.0.0.2>;answer-after=00')).toBe(false);
    expect(asksForAutoAnswer('<sip:127.0.0.2>;purpose=icon')).toBe(false);
  });
});
