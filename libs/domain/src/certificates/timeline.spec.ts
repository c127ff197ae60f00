import { certificateStream } from '../streams';
import { EventLog } from '../testing/event-log';
import { PS, certificate, issued } from '../testing/events';
import { certificateStatusAt, certificateValidUntilAt, currentCertificateValidUntil } from './standing';
import { evolveCertificateTimeline } from './timeline';

const N = 'PS-TH-0001';
const stream = certificateStream(N);

function timelineOf(...events: Parameters<EventLog['record']>) {
  const log = new EventLog();
  log.record(issued(N, 'TH-CB', PS, '2024-03-01', '2027-02-28'), ...events);
  const timeline = log.certificate(N);
  if (!timeline) throw new Error('no timeline');
  return { log, timeline };
}

describe('the certificate timeline', () => {
  it('answers NOT_YET_VALID before issue, ACTIVE through validUntil, EXPIRED the day after', () => {
    const { timeline } = timelineOf();
    expect(certificateStatusAt(timeline, '2024-02-29')).toBe('NOT_YET_VALID');
    expect(certificateStatusAt(timeline, '2024-03-01')).toBe('ACTIVE');
    expect(certificateStatusAt(timeline, '2027-02-28')).toBe('ACTIVE');
    expect(certificateStatusAt(timeline, '2027-03-01')).toBe('EXPIRED');
    expect(certificateValidUntilAt(timeline, '2024-02-29')).toBeNull();
  });

  it('keeps a suspension and a reinstatement at their effective dates', () => {
    const { timeline } = timelineOf(certificate.suspended(N, '2025-01-10'), certificate.reinstated(N, '2025-02-20'));
    expect(certificateStatusAt(timeline, '2025-01-09')).toBe('ACTIVE');
    expect(certificateStatusAt(timeline, '2025-01-10')).toBe('SUSPENDED');
    expect(certificateStatusAt(timeline, '2025-02-19')).toBe('SUSPENDED');
    expect(certificateStatusAt(timeline, '2025-02-20')).toBe('ACTIVE');
  });

  it('answers the validity in force on each date across a renewal after a lapse', () => {
    const { timeline } = timelineOf(certificate.renewed(N, '2027-04-01', '2030-03-31'));
    expect(certificateValidUntilAt(timeline, '2026-01-01')).toBe('2027-02-28');
    expect(certificateStatusAt(timeline, '2027-03-15')).toBe('EXPIRED');
    expect(certificateStatusAt(timeline, '2027-04-01')).toBe('ACTIVE');
    expect(certificateValidUntilAt(timeline, '2027-04-01')).toBe('2030-03-31');
    expect(currentCertificateValidUntil(timeline)).toBe('2030-03-31');
  });

  it('answers WITHDRAWN from the withdrawal date on, even past expiry', () => {
    const { timeline } = timelineOf(certificate.withdrawn(N, '2025-06-01'));
    expect(certificateStatusAt(timeline, '2025-05-31')).toBe('ACTIVE');
    expect(certificateStatusAt(timeline, '2025-06-01')).toBe('WITHDRAWN');
    expect(certificateStatusAt(timeline, '2028-01-01')).toBe('WITHDRAWN');
  });

  it('answers CANCELLED for every date, before and after the cancellation', () => {
    const { log, timeline } = timelineOf(certificate.cancelled(N, '2025-06-01'));
    for (const date of ['2024-01-01', '2024-03-01', '2025-05-31', '2026-01-01']) expect(certificateStatusAt(timeline, date)).toBe('CANCELLED');
    expect(timeline.cancellation?.ref).toEqual(log.ref(stream, 'CertificateCancelled'));
  });

  it('ignores a replayed event, so a projection may see it twice', () => {
    const { log, timeline } = timelineOf(certificate.suspended(N, '2025-01-10'));
    const suspension = log.inStream(stream)[1];
    expect(evolveCertificateTimeline(timeline, suspension.event, suspension.ref)).toBe(timeline);
  });

  it('starts only from an issue', () => {
    const ref = { stream, revision: 1, position: '1', type: 'CertificateSuspended' };
    expect(evolveCertificateTimeline(null, certificate.suspended(N, '2025-01-10'), ref)).toBeNull();
  });

  it('is plain JSON', () => {
    const { timeline } = timelineOf(certificate.renewed(N, '2027-01-01', '2030-01-01'), certificate.suspended(N, '2027-06-01'));
    expect(JSON.parse(JSON.stringify(timeline))).toEqual(timeline);
  });
});
