import { comparePositions, orderedEvidence, toEventRef } from './event-ref';

describe('event references', () => {
  it('turns a store record with bigint revision and position into JSON-safe numbers and strings', () => {
    const ref = toEventRef({ stream: 'cb-TH', revision: 3n, position: 12345678901234567890n, type: 'AccreditationSuspended' });
    expect(ref).toEqual({ stream: 'cb-TH', revision: 3, position: '12345678901234567890', type: 'AccreditationSuspended' });
    expect(JSON.parse(JSON.stringify(ref))).toEqual(ref);
  });

  it('orders positions numerically, not as text', () => {
    expect(comparePositions('99', '100')).toBeLessThan(0);
    expect(comparePositions('100', '99')).toBeGreaterThan(0);
    expect(comparePositions('12345678901234567891', '12345678901234567890')).toBeGreaterThan(0);
  });

  it('keeps each recorded event once, in global-log order', () => {
    const a = { stream: 'a', revision: 0, position: '900', type: 'T' };
    const b = { stream: 'b', revision: 0, position: '1000', type: 'T' };
    expect(orderedEvidence([b, a, null, { ...b }, undefined, a])).toEqual([a, b]);
  });
});
