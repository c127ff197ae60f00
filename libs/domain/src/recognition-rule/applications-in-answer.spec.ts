import { recognitionStream } from '../streams';
import { EventLog } from '../testing/event-log';
import { PS, accredited, applied, granted, grantedOnApplication, issued, refused, signed } from '../testing/events';
import type { RegistryEvent } from '../registry-event';

const N = 'PS-TH-0001';
const APP = 'MRA-APP';
const FIRST = `${N}/VN/1`;

/** Vietnam recognizes Thai certificates on application and decides within 60 days. */
function world(...later: RegistryEvent[]): EventLog {
  const log = new EventLog();
  const withPeriod = signed(APP, ['TH-CB', 'VN-CB'], [PS], 'ON_APPLICATION', '2024-03-01');
  log.record(
    accredited('TH-CB', 'TH', [PS], '2024-01-15', '2027-01-14'),
    accredited('VN-CB', 'VN', [PS], '2024-01-01', '2027-12-31'),
    { ...withPeriod, data: { ...withPeriod.data, decisionPeriodDays: 60 } },
    issued(N, 'TH-CB', PS, '2024-03-01', '2027-02-28'),
    ...later,
  );
  return log;
}

const codes = (log: EventLog, asOf: string) => log.recognition(N, 'VN', asOf).reasons.map((reason) => reason.code);

describe('the recognition rule and applications', () => {
  it('says an application is pending, on the application record, while no decision is taken', () => {
    const log = world(applied(N, 'VN', APP, '2024-05-01'));
    expect(codes(log, '2024-04-30')).toEqual(['RECOGNITION_NOT_GRANTED']);
    expect(codes(log, '2024-05-01')).toEqual(['RECOGNITION_NOT_GRANTED', 'APPLICATION_PENDING']);
    expect(log.recognition(N, 'VN', '2024-05-01').evidence).toContainEqual(log.ref(recognitionStream(N, 'VN'), 'RecognitionApplied'));
  });

  it('flags the decision overdue the day after the decision period ends', () => {
    const log = world(applied(N, 'VN', APP, '2024-05-01'));
    expect(codes(log, '2024-06-30')).toEqual(['RECOGNITION_NOT_GRANTED', 'APPLICATION_PENDING']);
    expect(codes(log, '2024-07-01')).toEqual(['RECOGNITION_NOT_GRANTED', 'APPLICATION_PENDING', 'DECISION_OVERDUE']);
  });

  it('never flags a decision overdue under an arrangement without a decision period', () => {
    const log = new EventLog();
    log.record(
      accredited('TH-CB', 'TH', [PS], '2024-01-15', '2027-01-14'),
      accredited('VN-CB', 'VN', [PS], '2024-01-01', '2027-12-31'),
      signed(APP, ['TH-CB', 'VN-CB'], [PS], 'ON_APPLICATION', '2024-03-01'),
      issued(N, 'TH-CB', PS, '2024-03-01', '2027-02-28'),
      applied(N, 'VN', APP, '2024-05-01'),
    );
    expect(codes(log, '2026-01-01')).toEqual(['RECOGNITION_NOT_GRANTED', 'APPLICATION_PENDING']);
  });

  it('a granted application recognizes from the decision on, and the answer says the grant decided an application', () => {
    const log = world(applied(N, 'VN', APP, '2024-05-01'), grantedOnApplication(N, 'VN', APP, '2024-08-01', FIRST));
    expect(codes(log, '2024-07-15')).toEqual(['RECOGNITION_NOT_GRANTED', 'APPLICATION_PENDING', 'DECISION_OVERDUE']);
    expect(log.recognition(N, 'VN', '2024-08-01')).toMatchObject({ recognized: true, basis: 'DECISION', decidedOnApplication: true });
  });

  it('a grant taken without an application says so', () => {
    const log = world(granted(N, 'VN', APP, '2024-08-01'));
    expect(log.recognition(N, 'VN', '2024-08-01')).toMatchObject({ recognized: true, basis: 'DECISION', decidedOnApplication: false });
  });

  it('a refused application is no longer pending: not granted, nothing awaited', () => {
    const log = world(applied(N, 'VN', APP, '2024-05-01'), refused(N, 'VN', APP, '2024-06-01', FIRST));
    expect(codes(log, '2024-09-01')).toEqual(['RECOGNITION_NOT_GRANTED']);
    expect(codes(log, '2024-05-15')).toEqual(['RECOGNITION_NOT_GRANTED', 'APPLICATION_PENDING']);
  });

  it('refuse then re-apply: the new application is pending, counted from its own date', () => {
    const log = world(applied(N, 'VN', APP, '2024-05-01'), refused(N, 'VN', APP, '2024-06-01', FIRST), applied(N, 'VN', APP, '2024-09-01', 2));
    expect(codes(log, '2024-10-31')).toEqual(['RECOGNITION_NOT_GRANTED', 'APPLICATION_PENDING']);
    expect(codes(log, '2024-11-01')).toEqual(['RECOGNITION_NOT_GRANTED', 'APPLICATION_PENDING', 'DECISION_OVERDUE']);
  });

  it('a grant with an end of its own recognizes until then, and its end bounds validUntil', () => {
    const grant = granted(N, 'VN', APP, '2024-08-01');
    const log = world({ ...grant, data: { ...grant.data, validUntil: '2025-07-31' } });
    expect(log.recognition(N, 'VN', '2025-07-31')).toMatchObject({ recognized: true, validUntil: '2025-07-31' });
    expect(codes(log, '2025-08-01')).toEqual(['RECOGNITION_NOT_GRANTED']);
  });
});
