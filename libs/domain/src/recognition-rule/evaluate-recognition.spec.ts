import { arrangementStream, certificateStream, certificationBodyStream, recognitionStream } from '../streams';
import { EventLog } from '../testing/event-log';
import { GPS, PS, accreditation, accredited, arrangement, certificate, granted, issued, revoked, signed } from '../testing/events';
import type { RegistryEvent } from '../registry-event';
import { comparePositions } from '../shared/event-ref';
import { evaluateRecognition } from './evaluate-recognition';
import { recognizedCountries } from './recognized-countries';

const N = 'PS-TH-0001';
const GPS_N = 'GPS-TH-0002';
const AUTO = 'MRA-AUTO';
const APP = 'MRA-APP';

/**
 * A Thai productivity specialist certificate. Malaysia and Singapore recognize Thai certificates
 * automatically (MRA-AUTO, PS only, until 2026-12-31); Vietnam on application (MRA-APP, PS and GPS).
 * India and Indonesia have accredited CBs but no arrangement with Thailand.
 */
function world(...later: RegistryEvent[]): EventLog {
  const log = new EventLog();
  log.record(
    accredited('TH-CB', 'TH', [PS, GPS], '2024-01-15', '2027-01-14'),
    accredited('MY-CB', 'MY', [PS], '2024-01-01', '2027-12-31'),
    accredited('SG-CB', 'SG', [PS], '2024-01-01', '2027-12-31'),
    accredited('VN-CB', 'VN', [PS], '2024-01-01', '2027-12-31'),
    accredited('ID-CB', 'ID', [PS], '2024-01-01', '2027-12-31'),
    accredited('IN-CB', 'IN', [PS], '2024-01-01', '2027-12-31'),
    signed(AUTO, ['TH-CB', 'MY-CB', 'SG-CB'], [PS], 'AUTOMATIC', '2024-03-01', '2026-12-31'),
    signed(APP, ['TH-CB', 'VN-CB'], [PS, GPS], 'ON_APPLICATION', '2024-03-01'),
    issued(N, 'TH-CB', PS, '2024-03-01', '2027-02-28'),
    issued(GPS_N, 'TH-CB', GPS, '2024-03-01', '2027-02-28'),
    ...later,
  );
  return log;
}

const codes = (log: EventLog, number: string, country: string, asOf: string) =>
  log.recognition(number, country, asOf).reasons.map((reason) => reason.code);

describe('the recognition rule', () => {
  describe('at home', () => {
    it("recognizes a valid certificate in its CB's own country, on the certificate and accreditation records", () => {
      const log = world();
      expect(log.recognition(N, 'TH', '2024-06-01')).toEqual({
        certificateNumber: N,
        country: 'TH',
        asOf: '2024-06-01',
        recognized: true,
        basis: 'HOME',
        arrangementId: null,
        validUntil: '2027-01-14',
        conditions: null,
        decidedOnApplication: null,
        reasons: [],
        evidence: [log.ref(certificationBodyStream('TH-CB'), 'CertificationBodyAccredited'), log.ref(certificateStream(N), 'CertificateIssued')],
      });
    });

    it('compares the country case-insensitively and answers it upper-case', () => {
      const answer = world().recognition(N, 'th', '2024-06-01');
      expect(answer.country).toBe('TH');
      expect(answer.recognized).toBe(true);
    });
  });

  describe('each failed condition has its reason code', () => {
    it('CERTIFICATE_NOT_FOUND for a number never issued, with no evidence', () => {
      const answer = world().recognition('PS-TH-9999', 'TH', '2024-06-01');
      expect(answer).toMatchObject({ recognized: false, basis: null, arrangementId: null, validUntil: null, evidence: [] });
      expect(answer.reasons.map((reason) => reason.code)).toEqual(['CERTIFICATE_NOT_FOUND']);
    });

    it('CERTIFICATE_NOT_YET_VALID before the issue date', () => {
      expect(codes(world(), N, 'TH', '2024-02-29')).toEqual(['CERTIFICATE_NOT_YET_VALID']);
    });

    it('CERTIFICATE_EXPIRED the day after validUntil', () => {
      const log = world(issued('PS-TH-0003', 'TH-CB', PS, '2024-03-01', '2025-02-28'));
      expect(codes(log, 'PS-TH-0003', 'TH', '2025-02-28')).toEqual([]);
      expect(codes(log, 'PS-TH-0003', 'TH', '2025-03-01')).toEqual(['CERTIFICATE_EXPIRED']);
    });

    it('CERTIFICATE_SUSPENDED while suspended', () => {
      expect(codes(world(certificate.suspended(N, '2025-01-10')), N, 'MY', '2025-01-10')).toEqual(['CERTIFICATE_SUSPENDED']);
    });

    it('CERTIFICATE_WITHDRAWN from the withdrawal date', () => {
      const log = world(certificate.withdrawn(N, '2025-06-01'));
      expect(codes(log, N, 'TH', '2025-05-31')).toEqual([]);
      expect(codes(log, N, 'TH', '2025-06-01')).toEqual(['CERTIFICATE_WITHDRAWN']);
    });

    it('CERTIFICATE_CANCELLED on every date', () => {
      const log = world(certificate.cancelled(N, '2025-06-01'));
      expect(codes(log, N, 'TH', '2024-06-01')).toEqual(['CERTIFICATE_CANCELLED']);
      expect(codes(log, N, 'MY', '2026-01-01')).toEqual(['CERTIFICATE_CANCELLED']);
    });

    it('CB_NOT_ACCREDITED when the issuing CB has no accreditation on record or not yet', () => {
      const log = world();
      const input = {
        certificateNumber: N,
        certificate: log.certificate(N),
        issuingBody: null,
        arrangements: [],
        hostBodies: [],
        decision: null,
      };
      expect(evaluateRecognition(input, 'TH', '2024-06-01').reasons.map((reason) => reason.code)).toContain('CB_NOT_ACCREDITED');
      const early = world(issued('PS-TH-0004', 'TH-CB', PS, '2024-01-02', '2026-01-01'));
      expect(codes(early, 'PS-TH-0004', 'TH', '2024-01-10')).toEqual(['CB_NOT_ACCREDITED']);
    });

    it('CB_ACCREDITATION_SUSPENDED while the accreditation is suspended', () => {
      expect(codes(world(accreditation.suspended('TH-CB', '2025-03-01')), N, 'TH', '2025-03-01')).toEqual(['CB_ACCREDITATION_SUSPENDED']);
    });

    it('CB_ACCREDITATION_WITHDRAWN after the accreditation is withdrawn', () => {
      expect(codes(world(accreditation.withdrawn('TH-CB', '2025-03-01')), N, 'TH', '2025-04-01')).toEqual(['CB_ACCREDITATION_WITHDRAWN']);
    });

    it('CB_ACCREDITATION_EXPIRED after the accreditation ends, though the certificate is still valid', () => {
      expect(codes(world(), N, 'TH', '2027-01-15')).toEqual(['CB_ACCREDITATION_EXPIRED']);
    });

    it('SCHEME_NOT_IN_ACCREDITATION_SCOPE once the scheme leaves the scope', () => {
      const log = world(accreditation.reduced('TH-CB', [PS], '2025-01-01'));
      expect(codes(log, N, 'TH', '2024-12-31')).toEqual([]);
      expect(codes(log, N, 'TH', '2025-01-01')).toEqual(['SCHEME_NOT_IN_ACCREDITATION_SCOPE']);
      expect(log.recognition(N, 'TH', '2025-01-01').evidence).toContainEqual(log.ref(certificationBodyStream('TH-CB'), 'AccreditationScopeReduced'));
    });

    it('NO_ARRANGEMENT where no arrangement joins the issuing CB with a CB of the country', () => {
      expect(codes(world(), N, 'IN', '2024-06-01')).toEqual(['NO_ARRANGEMENT']);
      expect(codes(world(), N, 'JP', '2024-06-01')).toEqual(['NO_ARRANGEMENT']);
    });

    it('NO_ARRANGEMENT while the only arrangement is not yet in force, expired or terminated', () => {
      expect(codes(world(), N, 'MY', '2024-02-29')).toEqual(['CERTIFICATE_NOT_YET_VALID', 'NO_ARRANGEMENT']);
      expect(codes(world(), N, 'MY', '2027-01-01')).toEqual(['NO_ARRANGEMENT']);
      expect(codes(world(arrangement.terminated(AUTO, '2025-01-01')), N, 'MY', '2025-01-01')).toEqual(['NO_ARRANGEMENT']);
    });

    it('ARRANGEMENT_SUSPENDED while the arrangement that would apply is suspended, naming it', () => {
      const log = world(arrangement.suspended(AUTO, '2025-01-01'));
      const answer = log.recognition(N, 'MY', '2025-02-01');
      expect(answer.reasons.map((reason) => reason.code)).toEqual(['ARRANGEMENT_SUSPENDED']);
      expect(answer.reasons[0].message).toContain(AUTO);
      expect(answer.evidence).toContainEqual(log.ref(arrangementStream(AUTO), 'MRASuspended'));
    });

    it('SCHEME_NOT_COVERED where the arrangement does not cover the scheme', () => {
      expect(codes(world(), GPS_N, 'MY', '2024-06-01')).toEqual(['SCHEME_NOT_COVERED']);
    });

    it('RECOGNITION_NOT_GRANTED under ON_APPLICATION until the host country grants it', () => {
      const log = world(granted(N, 'VN', APP, '2024-06-15'));
      expect(codes(log, N, 'VN', '2024-06-14')).toEqual(['RECOGNITION_NOT_GRANTED']);
      expect(log.recognition(N, 'VN', '2024-06-15')).toMatchObject({ recognized: true, basis: 'DECISION', arrangementId: APP, validUntil: '2027-01-14' });
    });

    it('carries the conditions of the grant it rests on, and none under an AUTOMATIC arrangement', () => {
      const withConditions = { ...granted(N, 'VN', APP, '2024-06-15'), data: { ...granted(N, 'VN', APP, '2024-06-15').data, conditions: 'Supervised practice for six months' } };
      const log = world(withConditions);
      expect(log.recognition(N, 'VN', '2024-06-15')).toMatchObject({ basis: 'DECISION', conditions: 'Supervised practice for six months' });
      expect(log.recognition(N, 'VN', '2024-06-14').conditions).toBeNull();
      expect(log.recognition(N, 'MY', '2024-06-15')).toMatchObject({ basis: 'ARRANGEMENT', conditions: null });
    });

    it('RECOGNITION_REVOKED from a revocation, even under an AUTOMATIC arrangement', () => {
      const log = world(revoked(N, 'MY', '2025-01-01'));
      expect(log.recognition(N, 'MY', '2024-12-31')).toMatchObject({ recognized: true, basis: 'ARRANGEMENT' });
      const answer = log.recognition(N, 'MY', '2025-01-01');
      expect(answer).toMatchObject({ recognized: false, basis: null, arrangementId: null });
      expect(answer.reasons.map((reason) => reason.code)).toEqual(['RECOGNITION_REVOKED']);
      expect(answer.evidence).toContainEqual(log.ref(recognitionStream(N, 'MY'), 'RecognitionRevoked'));
      expect(codes(log, N, 'SG', '2025-01-01')).toEqual([]);
    });

    it('RECOGNITION_REVOKED, not RECOGNITION_NOT_GRANTED, when a grant is revoked', () => {
      const log = world(granted(N, 'VN', APP, '2024-06-15'), revoked(N, 'VN', '2024-09-01'));
      expect(codes(log, N, 'VN', '2024-09-01')).toEqual(['RECOGNITION_REVOKED']);
    });

    it('lists every failed condition, not only the first', () => {
      const log = world(certificate.suspended(GPS_N, '2025-01-10'), accreditation.suspended('TH-CB', '2025-02-01'));
      expect(codes(log, GPS_N, 'MY', '2025-03-01')).toEqual(['CERTIFICATE_SUSPENDED', 'CB_ACCREDITATION_SUSPENDED', 'SCHEME_NOT_COVERED']);
    });
  });

  describe('across arrangements', () => {
    it('recognizes automatically between the parties of a multi-party MRA, up to the earliest end', () => {
      const log = world();
      for (const country of ['MY', 'SG']) {
        expect(log.recognition(N, country, '2024-06-01')).toMatchObject({
          recognized: true,
          basis: 'ARRANGEMENT',
          arrangementId: AUTO,
          validUntil: '2026-12-31',
          reasons: [],
        });
      }
      expect(log.recognition(N, 'MY', '2024-06-01').evidence).toEqual([
        log.ref(certificationBodyStream('TH-CB'), 'CertificationBodyAccredited'),
        log.ref(certificationBodyStream('MY-CB'), 'CertificationBodyAccredited'),
        log.ref(arrangementStream(AUTO), 'MRASigned'),
        log.ref(certificateStream(N), 'CertificateIssued'),
      ]);
    });

    it('recognizes in the country of a party only from the day it is admitted', () => {
      const log = world(arrangement.admitted(AUTO, 'ID-CB', '2025-01-01'));
      expect(codes(log, N, 'ID', '2024-12-31')).toEqual(['NO_ARRANGEMENT']);
      expect(log.recognition(N, 'ID', '2025-01-01')).toMatchObject({ recognized: true, basis: 'ARRANGEMENT' });
      expect(log.recognition(N, 'ID', '2025-01-01').evidence).toContainEqual(log.ref(arrangementStream(AUTO), 'MRAPartyAdmitted'));
    });

    it('stops recognizing in the country of a party that withdraws, and everywhere if the issuing CB withdraws', () => {
      const log = world(arrangement.partyWithdrawn(AUTO, 'SG-CB', '2025-06-01'), arrangement.partyWithdrawn(AUTO, 'TH-CB', '2025-09-01'));
      expect(codes(log, N, 'SG', '2025-05-31')).toEqual([]);
      expect(codes(log, N, 'SG', '2025-06-01')).toEqual(['NO_ARRANGEMENT']);
      expect(codes(log, N, 'MY', '2025-08-31')).toEqual([]);
      expect(codes(log, N, 'MY', '2025-09-01')).toEqual(['NO_ARRANGEMENT']);
    });

    it('follows scope amendments by date', () => {
      const log = world(arrangement.amended(AUTO, [PS, GPS], '2025-01-01'));
      expect(codes(log, GPS_N, 'MY', '2024-12-31')).toEqual(['SCHEME_NOT_COVERED']);
      expect(codes(log, GPS_N, 'MY', '2025-01-01')).toEqual([]);
    });

    it('prefers an AUTOMATIC arrangement to a granted decision', () => {
      const log = world(granted(N, 'VN', APP, '2024-06-15'), signed('MRA-AUTO-VN', ['TH-CB', 'VN-CB'], [PS], 'AUTOMATIC', '2025-01-01'));
      expect(log.recognition(N, 'VN', '2024-07-01')).toMatchObject({ basis: 'DECISION', arrangementId: APP });
      expect(log.recognition(N, 'VN', '2025-01-01')).toMatchObject({ basis: 'ARRANGEMENT', arrangementId: 'MRA-AUTO-VN' });
    });

    it('explains the arrangement that comes closest when none recognizes', () => {
      const log = world(signed('MRA-AUTO-VN', ['TH-CB', 'VN-CB'], [PS], 'AUTOMATIC', '2025-01-01'), arrangement.suspended('MRA-AUTO-VN', '2025-02-01'));
      const answer = log.recognition(N, 'VN', '2025-03-01');
      expect(answer.reasons.map((reason) => reason.code)).toEqual(['RECOGNITION_NOT_GRANTED']);
      expect(answer.reasons[0].message).toContain(APP);
      expect(answer.evidence).toContainEqual(log.ref(arrangementStream(APP), 'MRASigned'));
    });

    it('does not count a grant made under another arrangement', () => {
      const log = world(signed('MRA-APP-2', ['TH-CB', 'VN-CB'], [GPS], 'ON_APPLICATION', '2024-03-01'), granted(GPS_N, 'VN', 'MRA-APP-2', '2024-06-01'));
      expect(log.recognition(GPS_N, 'VN', '2024-07-01')).toMatchObject({ recognized: true, arrangementId: 'MRA-APP-2' });
      const other = world(granted(N, 'VN', 'MRA-ELSEWHERE', '2024-06-01'));
      expect(codes(other, N, 'VN', '2024-07-01')).toEqual(['RECOGNITION_NOT_GRANTED']);
    });
  });

  describe('time travel', () => {
    it('answers across a suspension and reinstatement of the certificate as each date stood', () => {
      const log = world(certificate.suspended(N, '2025-01-10'), certificate.reinstated(N, '2025-02-20'));
      expect(log.recognition(N, 'MY', '2025-01-09').recognized).toBe(true);
      expect(codes(log, N, 'MY', '2025-01-10')).toEqual(['CERTIFICATE_SUSPENDED']);
      expect(codes(log, N, 'MY', '2025-02-19')).toEqual(['CERTIFICATE_SUSPENDED']);
      expect(log.recognition(N, 'MY', '2025-02-20').recognized).toBe(true);
      expect(log.recognition(N, 'MY', '2025-02-20').evidence).toContainEqual(log.ref(certificateStream(N), 'CertificateReinstated'));
    });

    it('answers across a suspension and reinstatement of the accreditation as each date stood', () => {
      const log = world(accreditation.suspended('TH-CB', '2025-03-01'), accreditation.reinstated('TH-CB', '2025-06-01'));
      expect(log.recognition(N, 'TH', '2025-02-28').recognized).toBe(true);
      expect(codes(log, N, 'TH', '2025-03-01')).toEqual(['CB_ACCREDITATION_SUSPENDED']);
      expect(codes(log, N, 'VN', '2025-04-01')).toEqual(['CB_ACCREDITATION_SUSPENDED', 'RECOGNITION_NOT_GRANTED']);
      expect(log.recognition(N, 'TH', '2025-06-01').recognized).toBe(true);
    });

    it('voids past answers once a certificate is cancelled', () => {
      const before = world();
      expect(before.recognition(N, 'MY', '2024-06-01').recognized).toBe(true);
      const after = world(certificate.cancelled(N, '2025-06-01'));
      const answer = after.recognition(N, 'MY', '2024-06-01');
      expect(answer.recognized).toBe(false);
      expect(answer.reasons.map((reason) => reason.code)).toEqual(['CERTIFICATE_CANCELLED']);
      expect(answer.evidence).toContainEqual(after.ref(certificateStream(N), 'CertificateCancelled'));
    });

    it('takes the validity in force on the date across a renewal', () => {
      const log = world(accreditation.renewed('TH-CB', '2026-06-01', '2030-01-14'), certificate.renewed(N, '2027-01-01', '2030-02-28'));
      expect(log.recognition(N, 'TH', '2026-01-01').validUntil).toBe('2027-01-14');
      expect(log.recognition(N, 'TH', '2027-02-01').validUntil).toBe('2030-01-14');
    });
  });

  describe('the answer', () => {
    it('cites each record once, in global-log order', () => {
      const log = world(granted(N, 'VN', APP, '2024-06-15'), certificate.suspended(N, '2025-01-10'), certificate.reinstated(N, '2025-02-20'));
      const { evidence } = log.recognition(N, 'VN', '2025-03-01');
      const keys = evidence.map((ref) => `${ref.stream}#${ref.revision}`);
      expect(new Set(keys).size).toBe(keys.length);
      expect([...evidence].sort((a, b) => comparePositions(a.position, b.position))).toEqual(evidence);
      expect(evidence).toContainEqual(log.ref(recognitionStream(N, 'VN'), 'RecognitionGranted'));
      expect(evidence).toContainEqual(log.ref(certificateStream(N), 'CertificateReinstated'));
    });

    it('ignores timelines that do not belong to the question', () => {
      const log = world(revoked(N, 'MY', '2025-01-01'));
      const answer = evaluateRecognition(
        {
          certificateNumber: N,
          certificate: log.certificate(N),
          issuingBody: log.body('MY-CB'),
          arrangements: log.arrangements(),
          hostBodies: log.bodies(),
          decision: log.decision(N, 'MY'),
        },
        'SG',
        '2025-02-01',
      );
      expect(answer.reasons.map((reason) => reason.code)).toEqual(['CB_NOT_ACCREDITED']);
    });

    it('is plain JSON', () => {
      const answer = world().recognition(N, 'MY', '2024-06-01');
      expect(JSON.parse(JSON.stringify(answer))).toEqual(answer);
    });
  });

  describe('the countries a certificate is recognized in', () => {
    function neighbourhood(log: EventLog, number: string) {
      const certificate = log.certificate(number);
      if (!certificate) throw new Error('no certificate');
      return {
        certificate,
        issuingBody: log.body(certificate.cbId),
        arrangements: log.arrangements(),
        bodies: log.bodies(),
        decisions: ['MY', 'SG', 'VN'].map((country) => log.decision(number, country)).filter((d) => d !== null),
      };
    }

    it('lists home, automatic partners and granted countries on the date, sorted', () => {
      const log = world(granted(N, 'VN', APP, '2024-06-15'), revoked(N, 'SG', '2025-01-01'));
      expect(recognizedCountries(neighbourhood(log, N), '2024-06-01')).toEqual(['MY', 'SG', 'TH']);
      expect(recognizedCountries(neighbourhood(log, N), '2024-07-01')).toEqual(['MY', 'SG', 'TH', 'VN']);
      expect(recognizedCountries(neighbourhood(log, N), '2025-01-01')).toEqual(['MY', 'TH', 'VN']);
    });

    it('is empty for a cancelled certificate', () => {
      expect(recognizedCountries(neighbourhood(world(certificate.cancelled(N, '2025-01-01')), N), '2024-06-01')).toEqual([]);
    });
  });
});
