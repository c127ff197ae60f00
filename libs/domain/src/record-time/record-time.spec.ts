import { recognitionStream } from '../streams';
import { EventLog } from '../testing/event-log';
import { PS, accredited, arrangement, certificate, issued, signed, accreditation, granted, revoked } from '../testing/events';
import type { RegistryEvent } from '../registry-event';
import type { RecognitionAnswer } from '../recognition-rule/answer';
import { evaluateRecognition } from '../recognition-rule/evaluate-recognition';
import { recognitionCorrections } from './corrections';
import { knownCertificate, knownRecognitionInput, lastCertificateRecord, recordedThrough } from './known-facts';

const N = 'TH-PS-2024-0001';
const AUTO = 'MRA-AUTO';
const APP = 'MRA-APP';
const ASKED_ON = '2025-03-15';

/** A Thai certificate recognized in Malaysia automatically and in Vietnam on application, all recorded in 2024. */
function given(): EventLog {
  const log = new EventLog().recordingAt('2024-01-10T08:00:00.000Z');
  log.record(
    accredited('TH-CB', 'TH', [PS], '2024-01-15', '2027-01-14'),
    accredited('MY-CB', 'MY', [PS], '2024-01-01', '2027-12-31'),
    accredited('VN-CB', 'VN', [PS], '2024-01-01', '2027-12-31'),
    signed(AUTO, ['TH-CB', 'MY-CB'], [PS], 'AUTOMATIC', '2024-03-01'),
    signed(APP, ['TH-CB', 'VN-CB'], [PS], 'ON_APPLICATION', '2024-03-01'),
    issued(N, 'TH-CB', PS, '2024-03-01', '2027-02-28'),
    granted(N, 'VN', APP, '2024-04-01'),
  );
  return log;
}

/** The answer as the registry knew it through a log position. */
function knownThrough(log: EventLog, country: string, asOf: string, position: string): RecognitionAnswer {
  return evaluateRecognition(knownRecognitionInput(log.recognitionInput(N, country), recordedThrough(position)), country, asOf);
}

const correctionsOf = (log: EventLog, country: string, asOf: string) =>
  recognitionCorrections(log.recognitionInput(N, country), country, asOf, (ref) => log.recordedAt.get(ref.position) ?? null);

/** Given the world, an answer given on the day asked about; then a correction recorded later. */
function answeredThenCorrected(country: string, correction: RegistryEvent, correctedOn: string, before: RegistryEvent[] = []) {
  const log = given();
  log.recordingAt('2025-03-02T09:00:00.000Z').record(...before);
  log.recordingAt(`${ASKED_ON}T14:00:00.000Z`);
  const then = log.recognition(N, country, ASKED_ON);
  const t1 = log.lastPosition();
  const [ref] = log.recordingAt(correctedOn).record(correction);
  return { log, then, t1, ref };
}

describe('record time: answers as the registry knew them', () => {
  it('a backdated suspension: known before it, the answer given then; after it, the corrected one, naming the suspension', () => {
    const { log, then, t1, ref } = answeredThenCorrected('MY', certificate.suspended(N, '2025-03-01'), '2025-04-02T10:00:00.000Z');
    expect(then).toMatchObject({ recognized: true, basis: 'ARRANGEMENT' });

    expect(knownThrough(log, 'MY', ASKED_ON, t1)).toEqual(then);
    expect(log.recognition(N, 'MY', ASKED_ON)).toMatchObject({ recognized: false, reasons: [{ code: 'CERTIFICATE_SUSPENDED' }] });
    expect(correctionsOf(log, 'MY', ASKED_ON)).toEqual([{ ref, recordedAt: '2025-04-02T10:00:00.000Z' }]);
  });

  it('a backdated reinstatement: known before it, suspended as answered then; after it, recognized again, naming the reinstatement', () => {
    const { log, then, t1, ref } = answeredThenCorrected('MY', certificate.reinstated(N, '2025-03-10'), '2025-04-01T10:00:00.000Z', [
      certificate.suspended(N, '2025-03-01'),
    ]);
    expect(then).toMatchObject({ recognized: false, reasons: [{ code: 'CERTIFICATE_SUSPENDED' }] });

    expect(knownThrough(log, 'MY', ASKED_ON, t1)).toEqual(then);
    expect(log.recognition(N, 'MY', ASKED_ON)).toMatchObject({ recognized: true, basis: 'ARRANGEMENT' });
    // The suspension was recorded before the day asked about: an ordinary change, not a correction.
    expect(correctionsOf(log, 'MY', ASKED_ON)).toEqual([{ ref, recordedAt: '2025-04-01T10:00:00.000Z' }]);
  });

  it('a cancellation: void for every date once recorded, yet every earlier answer is reproduced as given', () => {
    const { log, then, t1, ref } = answeredThenCorrected('VN', certificate.cancelled(N, '2025-06-01'), '2025-06-01T10:00:00.000Z');
    expect(then).toMatchObject({ recognized: true, basis: 'DECISION' });

    for (const asOf of ['2024-03-01', '2024-12-31', ASKED_ON]) {
      expect(knownThrough(log, 'VN', asOf, t1)).toEqual(given().recognition(N, 'VN', asOf));
      expect(log.recognition(N, 'VN', asOf).reasons.map((reason) => reason.code)).toContain('CERTIFICATE_CANCELLED');
      expect(correctionsOf(log, 'VN', asOf)).toEqual([{ ref, recordedAt: '2025-06-01T10:00:00.000Z' }]);
    }
    expect(knownThrough(log, 'VN', ASKED_ON, t1)).toEqual(then);
  });

  it('an MRA party withdrawn retroactively: the host country answered as then before it, not recognized after it', () => {
    const { log, then, t1, ref } = answeredThenCorrected('MY', arrangement.partyWithdrawn(AUTO, 'MY-CB', '2025-01-01'), '2025-05-01T10:00:00.000Z');
    expect(then).toMatchObject({ recognized: true, arrangementId: AUTO });

    expect(knownThrough(log, 'MY', ASKED_ON, t1)).toEqual(then);
    expect(log.recognition(N, 'MY', ASKED_ON).recognized).toBe(false);
    expect(correctionsOf(log, 'MY', ASKED_ON)).toEqual([{ ref, recordedAt: '2025-05-01T10:00:00.000Z' }]);
    // Dates before the withdrawal took effect are not moved by it.
    expect(correctionsOf(log, 'MY', '2024-12-31')).toEqual([]);
  });

  it('lists no correction for a later record that did not move the answer, nor for one recorded on the day asked about', () => {
    const log = given();
    log.recordingAt(`${ASKED_ON}T09:00:00.000Z`).record(certificate.suspended(N, '2025-03-14'));
    log.recordingAt('2025-05-01T09:00:00.000Z').record(accreditation.renewed('TH-CB', '2027-01-15', '2030-01-14'));
    expect(log.recognition(N, 'MY', ASKED_ON).recognized).toBe(false);
    expect(correctionsOf(log, 'MY', ASKED_ON)).toEqual([]);
  });

  it('lists no correction for history loaded late: the certificate recorded after asOf, and what was recorded before it', () => {
    const log = new EventLog().recordingAt('2025-06-01T08:00:00.000Z');
    log.record(
      accredited('TH-CB', 'TH', [PS], '2024-01-15', '2027-01-14'),
      accredited('MY-CB', 'MY', [PS], '2024-01-01', '2027-12-31'),
      signed(AUTO, ['TH-CB', 'MY-CB'], [PS], 'AUTOMATIC', '2024-03-01'),
      issued(N, 'TH-CB', PS, '2024-03-01', '2027-02-28'),
    );
    expect(log.recognition(N, 'MY', ASKED_ON).recognized).toBe(true);
    expect(correctionsOf(log, 'MY', ASKED_ON)).toEqual([]);
    const [ref] = log.record(certificate.suspended(N, '2025-03-01'));
    expect(correctionsOf(log, 'MY', ASKED_ON)).toEqual([{ ref, recordedAt: log.recordedAt.get(ref.position) }]);
  });

  it("names the last record about the certificate itself — its stream or a decision on it — as known then, not the bodies' or arrangements'", () => {
    const log = given();
    const decided = log.ref(recognitionStream(N, 'VN'), 'RecognitionGranted');
    const t1 = log.lastPosition();
    const [suspension] = log.recordingAt('2025-05-01T09:00:00.000Z').record(certificate.suspended(N, '2025-05-01'));
    log.recordingAt('2025-06-01T09:00:00.000Z').record(accredited('TH-CB2', 'TH', [PS], '2025-06-01', '2028-05-31'));

    const decisions = [log.decision(N, 'VN')!];
    expect(lastCertificateRecord(log.certificate(N)!, decisions)).toEqual(suspension);
    expect(lastCertificateRecord(knownCertificate(log.certificate(N), recordedThrough(t1))!, decisions)).toEqual(decided);
  });

  it('knows nothing before the first record: the certificate is not found', () => {
    const log = given();
    expect(evaluateRecognition(knownRecognitionInput(log.recognitionInput(N, 'MY'), recordedThrough(null)), 'MY', ASKED_ON).reasons).toEqual([
      { code: 'CERTIFICATE_NOT_FOUND', message: `no certificate ${N} is on record` },
    ]);
  });

  it('at every prefix of a busy log, the answer from the full timelines cut there equals the answer from that prefix alone', () => {
    const later: RegistryEvent[] = [
      certificate.suspended(N, '2025-03-01'),
      revoked(N, 'VN', '2025-02-01'),
      accreditation.reduced('TH-CB', [PS], '2025-06-01'),
      accreditation.extended('TH-CB', [PS], '2025-07-01'),
      certificate.reinstated(N, '2025-02-15'),
      arrangement.partyWithdrawn(AUTO, 'MY-CB', '2025-01-01'),
      arrangement.admitted(AUTO, 'MY-CB', '2025-04-01'),
      granted(N, 'VN', APP, '2025-05-01'),
      certificate.renewed(N, '2027-02-01', '2030-01-31'),
      arrangement.terminated(APP, '2026-01-01'),
      certificate.cancelled(N, '2026-02-01'),
    ];
    const full = given();
    full.record(...later);
    const events = full.records.map((record) => record.event);
    for (let size = 1; size <= events.length; size += 1) {
      const prefix = new EventLog();
      prefix.record(...events.slice(0, size));
      for (const country of ['TH', 'MY', 'VN']) {
        for (const asOf of ['2024-06-01', '2025-02-20', '2025-04-15', '2025-06-15', '2026-03-01', '2028-01-01']) {
          expect(knownThrough(full, country, asOf, prefix.lastPosition())).toEqual(prefix.recognition(N, country, asOf));
        }
      }
    }
  });
});
