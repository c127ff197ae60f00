import { certificationBody } from '../testing/actors';
import { deciderSpecification } from '../testing/decider-specification';
import { EventLog } from '../testing/event-log';
import { PS, certificate, issued } from '../testing/events';
import type { CorrectCertificate } from './commands';
import { certificateAggregate } from './declaration';
import { knownCertificate, recordedThrough } from '../record-time/known-facts';
import { evolveCertificateTimeline } from './timeline';

const given = deciderSpecification(certificateAggregate.decider);
const N = 'PS-TH-0001';
const issuedN = issued(N, 'TH-CB', PS, '2024-03-01', '2027-02-28', 'Somchai Jaidee');

function correct(data: Partial<CorrectCertificate['data']> = {}, cbId = 'TH-CB'): CorrectCertificate {
  return {
    type: 'CorrectCertificate',
    data: { number: N, field: 'holderName', value: 'Somchai Jaidii', reason: 'misspelt at issue', ...data },
    actor: certificationBody(cbId),
  };
}

describe('correcting a certificate', () => {
  it('records the printed field corrected, with what it read before and why', () => {
    given([issuedN]).when(correct()).then([certificate.corrected(N, 'Somchai Jaidee', 'Somchai Jaidii')]);
  });

  it('corrects from the last correction on', () => {
    given([issuedN, certificate.corrected(N, 'Somchai Jaidee', 'Somchai Jaidii')])
      .when(correct({ value: 'Somchai Jai-dii' }))
      .then([certificate.corrected(N, 'Somchai Jaidii', 'Somchai Jai-dii')]);
  });

  it('refuses renumbering: that is a cancellation and a new issue', () => {
    given([issuedN]).when(correct({ field: 'number', value: 'PS-TH-0002' })).thenRejects('RENUMBERING_NOT_A_CORRECTION', { field: 'field' });
  });

  it('refuses a field that is not a correctable printed field', () => {
    given([issuedN]).when(correct({ field: 'validUntil', value: '2030-01-01' })).thenRejects('FIELD_NOT_CORRECTABLE', { field: 'field' });
  });

  it('refuses a correction that changes nothing', () => {
    given([issuedN]).when(correct({ value: 'Somchai Jaidee' })).thenRejects('CORRECTION_CHANGES_NOTHING', { field: 'value' });
  });

  it('is for the issuing CB only, and needs a reason', () => {
    given([issuedN]).when(correct({}, 'MY-CB')).thenRejects('NOT_OWN_CERTIFICATE', { kind: 'FORBIDDEN' });
    given([issuedN]).when(correct({ reason: ' ' })).thenRejects('FIELD_REQUIRED', { field: 'reason' });
  });

  it('corrects a withdrawn certificate’s record, but not a cancelled one', () => {
    given([issuedN, certificate.withdrawn(N, '2024-06-01')]).when(correct()).then([certificate.corrected(N, 'Somchai Jaidee', 'Somchai Jaidii')]);
    given([issuedN, certificate.cancelled(N, '2024-06-01')]).when(correct()).thenRejects('CERTIFICATE_CANCELLED');
  });

  it('refuses a certificate that does not exist', () => {
    given([]).when(correct()).thenRejects('CERTIFICATE_NOT_FOUND', { kind: 'NOT_FOUND' });
  });
});

describe('the certificate timeline after a correction', () => {
  it('reads the corrected value for every date and keeps both in its corrections', () => {
    const log = new EventLog();
    const [, ref] = log.record(issuedN, certificate.corrected(N, 'Somchai Jaidee', 'Somchai Jaidii'));
    const timeline = log.certificate(N);
    expect(timeline).toMatchObject({ holderName: 'Somchai Jaidii', corrections: [{ field: 'holderName', from: 'Somchai Jaidee', to: 'Somchai Jaidii', ref }] });
  });

  it('ignores a correction replayed at a revision already folded', () => {
    const log = new EventLog();
    const [, ref] = log.record(issuedN, certificate.corrected(N, 'Somchai Jaidee', 'Somchai Jaidii'));
    const once = log.certificate(N);
    expect(evolveCertificateTimeline(once, certificate.corrected(N, 'Somchai Jaidii', 'X'), ref)).toBe(once);
  });
});

describe('a correction and record time', () => {
  it('an answer known before the correction was recorded shows what was printed then', () => {
    const log = new EventLog();
    const [issuedRef, correctedRef] = log.record(issuedN, certificate.corrected(N, 'Somchai Jaidee', 'Somchai Jaidii'));
    const now = log.certificate(N);
    expect(knownCertificate(now, recordedThrough(issuedRef.position))).toMatchObject({ holderName: 'Somchai Jaidee', corrections: [] });
    expect(knownCertificate(now, recordedThrough(correctedRef.position))).toMatchObject({ holderName: 'Somchai Jaidii' });
  });
});
