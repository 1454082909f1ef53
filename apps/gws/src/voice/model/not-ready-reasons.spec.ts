import { NotReadyReasons } from './not-ready-reasons';

describe('NotReadyReasons', () => {
  const reasons = new NotReadyReasons([
    { name: 'Break', code: '100' },
    { name: 'Lunch', code: '101' },
  ]);

  it('finds a reason by its code or, in any case, by its name', () => {
    expect(reasons.find('101')?.name).toBe('Lunch');
    expect(reasons.find('lUNCH')?.code).toBe('101');
    expect(reasons.find('Nap')).toBeUndefined();
    expect(reasons.byReasonCode('100')?.name).toBe('Break');
    expect(reasons.byReasonCode('Break')).toBeUndefined();
    expect(reasons.all.map((reason) => reason.code)).toEqual(['100', '101']);
  });

  it('gives each reason a UUID-shaped state id derived from its code alone', () => {
    const lunch = reasons.find('Lunch')!.stateId;
    expect(lunch).toMatch(/^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$/);
    expect(new NotReadyReasons([{ name: 'Mittag', code: '101' }]).find('101')?.stateId).toBe(lunch);
    expect(reasons.find('Break')?.stateId).not.toBe(lunch);
  });
});
