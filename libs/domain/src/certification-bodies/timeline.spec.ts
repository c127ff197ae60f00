import { certificationBodyStream } from '../streams';
import { EventLog } from '../testing/event-log';
import { GPS, PS, accreditation, accredited, issued } from '../testing/events';
import {
  accreditationScopeAt,
  accreditationStatusAt,
  accreditationValidUntilAt,
  assessAccreditation,
  currentAccreditationScope,
  currentAccreditationValidUntil,
} from './standing';
import { evolveCertificationBodyTimeline } from './timeline';

const TH = 'TH-CB';
const stream = certificationBodyStream(TH);

function history() {
  const log = new EventLog();
  log.record(
    accredited(TH, 'TH', [PS], '2024-01-15', '2027-01-14'),
    accreditation.extended(TH, [GPS], '2024-06-01'),
    accreditation.suspended(TH, '2025-03-01'),
    accreditation.reinstated(TH, '2025-06-01'),
    accreditation.reduced(TH, [PS], '2026-01-01'),
    accreditation.renewed(TH, '2027-01-15', '2030-01-14'),
    accreditation.withdrawn(TH, '2029-01-01'),
  );
  const timeline = log.body(TH);
  if (!timeline) throw new Error('no timeline');
  return { log, timeline };
}

describe('the certification body timeline', () => {
  it('answers the accreditation status on any date', () => {
    const { timeline } = history();
    expect(accreditationStatusAt(timeline, '2024-01-14')).toBe('NOT_YET_ACCREDITED');
    expect(accreditationStatusAt(timeline, '2024-01-15')).toBe('ACTIVE');
    expect(accreditationStatusAt(timeline, '2025-03-01')).toBe('SUSPENDED');
    expect(accreditationStatusAt(timeline, '2025-05-31')).toBe('SUSPENDED');
    expect(accreditationStatusAt(timeline, '2025-06-01')).toBe('ACTIVE');
    expect(accreditationStatusAt(timeline, '2028-06-01')).toBe('ACTIVE');
    expect(accreditationStatusAt(timeline, '2029-01-01')).toBe('WITHDRAWN');
  });

  it('treats validUntil as the last valid day, and a renewal as effective from its own date', () => {
    const log = new EventLog();
    log.record(accredited(TH, 'TH', [PS], '2024-01-15', '2027-01-14'), accreditation.renewed(TH, '2027-03-01', '2030-02-28'));
    const timeline = log.body(TH)!;
    expect(accreditationStatusAt(timeline, '2027-01-14')).toBe('ACTIVE');
    expect(accreditationValidUntilAt(timeline, '2027-01-14')).toBe('2027-01-14');
    expect(accreditationStatusAt(timeline, '2027-01-15')).toBe('EXPIRED');
    expect(accreditationStatusAt(timeline, '2027-03-01')).toBe('ACTIVE');
    expect(accreditationValidUntilAt(timeline, '2027-03-01')).toBe('2030-02-28');
    expect(currentAccreditationValidUntil(timeline)).toBe('2030-02-28');
  });

  it('answers the scope on any date across extension and reduction', () => {
    const { timeline } = history();
    expect(accreditationScopeAt(timeline, '2024-01-01')).toEqual([]);
    expect(accreditationScopeAt(timeline, '2024-05-31')).toEqual([PS]);
    expect(accreditationScopeAt(timeline, '2024-06-01')).toEqual([PS, GPS]);
    expect(accreditationScopeAt(timeline, '2026-01-01')).toEqual([GPS]);
    expect(currentAccreditationScope(timeline)).toEqual([GPS]);
  });

  it('explains a scheme taken out of scope, citing the record that removed it', () => {
    const { log, timeline } = history();
    const assessment = assessAccreditation(timeline, PS, '2026-02-01');
    expect(assessment.failures.map((failure) => failure.code)).toEqual(['SCHEME_NOT_IN_ACCREDITATION_SCOPE']);
    expect(assessment.evidence).toContainEqual(log.ref(stream, 'AccreditationScopeReduced'));
  });

  it('lists a suspension and an expiry together when both hold', () => {
    const log = new EventLog();
    log.record(accredited(TH, 'TH', [PS], '2024-01-15', '2025-01-14'), accreditation.suspended(TH, '2024-12-01'));
    const codes = assessAccreditation(log.body(TH), PS, '2025-02-01').failures.map((failure) => failure.code);
    expect(codes).toEqual(['CB_ACCREDITATION_EXPIRED', 'CB_ACCREDITATION_SUSPENDED']);
  });

  it('ignores a replayed event and events of other streams', () => {
    const { log, timeline } = history();
    const [first] = log.inStream(stream);
    expect(evolveCertificationBodyTimeline(timeline, first.event, first.ref)).toBe(timeline);
    const other = issued('PS-1', TH, PS, '2024-02-01', '2026-01-31');
    expect(evolveCertificationBodyTimeline(timeline, other, { stream: 'certificate-PS-1', revision: 9, position: '99999', type: other.type })).toBe(timeline);
  });

  it('is plain JSON', () => {
    const { timeline } = history();
    expect(JSON.parse(JSON.stringify(timeline))).toEqual(timeline);
  });
});
