import { EventLog } from '../testing/event-log';
import { GPS, PS, accredited, issued, signed } from '../testing/events';
import { impactOf } from './impact';
import { RecognitionChanges } from './recognition-changes';

function world() {
  const changes = new RecognitionChanges();
  const log = new EventLog();
  for (const event of [
    accredited('TH-CB', 'TH', [PS, GPS], '2024-01-01', '2029-12-31'),
    accredited('MY-CB', 'MY', [PS, GPS], '2024-01-01', '2029-12-31'),
    accredited('SG-CB', 'SG', [PS], '2024-01-01', '2029-12-31'),
    signed('MRA', ['TH-CB', 'MY-CB', 'SG-CB'], [PS, GPS], 'AUTOMATIC', '2024-03-01'),
    issued('TH-1', 'TH-CB', PS, '2024-04-01', '2028-12-31'),
    issued('TH-2', 'TH-CB', GPS, '2024-04-01', '2028-12-31'),
    issued('MY-1', 'MY-CB', PS, '2024-04-01', '2028-12-31'),
  ])
    changes.record(event, log.record(event)[0], '2025-01-01');
  return changes;
}

const pairs = (lost: { certificateNumber: string; country: string }[]) => lost.map((pair) => `${pair.certificateNumber} ${pair.country}`).sort();

describe('impact (what if, nothing recorded)', () => {
  it("of a party withdrawing: its certificates abroad, and the others' in its country", () => {
    const changes = world();
    const { lost } = impactOf(changes.world, { type: 'MRAPartyWithdrawn', data: { id: 'MRA', cbId: 'MY-CB', effectiveOn: '2025-06-01' } }, '2025-06-01');
    expect(pairs(lost)).toEqual(['MY-1 SG', 'MY-1 TH', 'TH-1 MY', 'TH-2 MY']);
    expect(changes.world.arrangement('MRA')?.parties.some((party) => party.change === 'WITHDRAWN')).toBe(false);
  });

  it('of an accreditation suspended: every certificate of the CB, at home and abroad', () => {
    const { lost } = impactOf(world().world, { type: 'AccreditationSuspended', data: { cbId: 'TH-CB', effectiveOn: '2025-06-01', reason: 'x' } }, '2025-06-01');
    expect(pairs(lost)).toEqual(['TH-1 MY', 'TH-1 SG', 'TH-1 TH', 'TH-2 MY', 'TH-2 SG', 'TH-2 TH']);
  });

  it('of a scope reduced: only the certificates of the schemes left out', () => {
    const { lost } = impactOf(world().world, { type: 'MRAScopeAmended', data: { id: 'MRA', schemes: [PS], effectiveOn: '2025-06-01' } }, '2025-06-01');
    expect(pairs(lost)).toEqual(['TH-2 MY', 'TH-2 SG']);
  });
});
