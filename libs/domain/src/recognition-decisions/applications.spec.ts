import { accreditationBody, certificationBody } from '../testing/actors';
import { deciderSpecification } from '../testing/decider-specification';
import { EventLog } from '../testing/event-log';
import { GPS, PS, accredited, applied, arrangement, certificate, granted, grantedOnApplication, issued, refused, revoked, signed } from '../testing/events';
import type { RegistryEvent } from '../registry-event';
import type { ApplyForRecognition, GrantRecognition, RefuseRecognition } from './commands';
import { recognitionDecisionAggregate } from './declaration';

const given = deciderSpecification(recognitionDecisionAggregate.decider);
const N = 'PS-TH-0001';
const APP = 'MRA-APP';
const FIRST = `${N}/VN/1`;

/** A Thai certificate; Vietnam recognizes it on application, Malaysia automatically. */
function world(...later: RegistryEvent[]): EventLog {
  const log = new EventLog();
  log.record(
    accredited('TH-CB', 'TH', [PS, GPS], '2024-01-15', '2027-01-14'),
    accredited('VN-CB', 'VN', [PS], '2024-01-01', '2027-12-31'),
    accredited('MY-CB', 'MY', [PS], '2024-01-01', '2027-12-31'),
    accredited('TH-CB2', 'TH', [PS], '2024-01-01', '2027-12-31'),
    signed(APP, ['TH-CB', 'VN-CB', 'TH-CB2'], [PS], 'ON_APPLICATION', '2024-03-01'),
    signed('MRA-AUTO', ['TH-CB', 'MY-CB'], [PS], 'AUTOMATIC', '2024-03-01'),
    issued(N, 'TH-CB', PS, '2024-03-01', '2027-02-28'),
    issued('GPS-TH-0002', 'TH-CB', GPS, '2024-03-01', '2027-02-28'),
    ...later,
  );
  return log;
}

function facts(log: EventLog, number: string, actingCb: string, arrangementId: string | null | undefined) {
  const found = log.certificate(number);
  return {
    certificate: found,
    issuingBody: found && log.body(found.cbId),
    hostBody: log.body(actingCb),
    arrangement: arrangementId == null ? null : log.arrangement(arrangementId),
  };
}

function apply(data: Partial<ApplyForRecognition['data']> = {}, log = world(), applicant = 'TH-CB', actor = certificationBody(applicant)): ApplyForRecognition {
  const full = { certificateNumber: N, country: 'VN', arrangementId: APP, appliedOn: '2024-05-01', note: null, ...data };
  return { type: 'ApplyForRecognition', data: full, actor, facts: facts(log, full.certificateNumber, applicant, full.arrangementId) };
}

function grant(data: Partial<GrantRecognition['data']> = {}, log = world()): GrantRecognition {
  const full = { certificateNumber: N, country: 'VN', arrangementId: APP, decidedOn: '2024-06-01', ...data };
  return { type: 'GrantRecognition', data: full, actor: certificationBody('VN-CB'), facts: facts(log, full.certificateNumber, 'VN-CB', full.arrangementId) };
}

/** The arrangement is passed as the pipeline does: the one named, else the pending application's. */
function refuse(data: Partial<RefuseRecognition['data']> = {}, log = world(), pendingUnder: string | null = APP): RefuseRecognition {
  const full = { certificateNumber: N, country: 'VN', decidedOn: '2024-06-01', reasonCode: 'INSUFFICIENT_EVIDENCE', note: null, ...data };
  return {
    type: 'RefuseRecognition',
    data: full,
    actor: certificationBody('VN-CB'),
    facts: facts(log, full.certificateNumber, 'VN-CB', full.arrangementId ?? pendingUnder),
  };
}

describe('applying for recognition', () => {
  it('records the holder’s CB applying under an ON_APPLICATION arrangement, numbered and with its note', () => {
    given([])
      .when(apply({ note: 'five years of practice in Viet Nam' }))
      .then([applied(N, 'VN', APP, '2024-05-01', 1, 'five years of practice in Viet Nam')]);
  });

  it('refuses a second application while one is pending', () => {
    given([applied(N, 'VN', APP, '2024-05-01')])
      .when(apply({ appliedOn: '2024-05-02' }))
      .thenRejects('APPLICATION_ALREADY_PENDING', { kind: 'CONFLICT' });
  });

  it('refuses an application for a certificate already recognized by decision', () => {
    given([grantedOnApplication(N, 'VN', APP, '2024-06-01', FIRST)])
      .when(apply({ appliedOn: '2024-07-01' }))
      .thenRejects('RECOGNITION_ALREADY_GRANTED', { kind: 'CONFLICT' });
  });

  it('is filed by the certificate’s own CB only, even another CB of the same country party to the arrangement', () => {
    given([]).when(apply({}, world(), 'TH-CB2')).thenRejects('NOT_OWN_CERTIFICATE', { kind: 'FORBIDDEN', field: 'certificateNumber' });
    given([]).when(apply({}, world(), 'VN-CB')).thenRejects('NOT_OWN_CERTIFICATE', { kind: 'FORBIDDEN' });
    given([]).when(apply({}, world(), 'TH-CB', accreditationBody)).thenRejects('ROLE_NOT_PERMITTED', { kind: 'FORBIDDEN' });
  });

  it('is not needed, and refused, under an AUTOMATIC arrangement', () => {
    given([]).when(apply({ country: 'MY', arrangementId: 'MRA-AUTO' })).thenRejects('ARRANGEMENT_NOT_ON_APPLICATION', { field: 'arrangementId' });
  });

  it('is refused for the home country, a scheme not covered, an arrangement not in force or unknown', () => {
    given([]).when(apply({ country: 'TH' })).thenRejects('RECOGNITION_IN_HOME_COUNTRY', { field: 'country' });
    given([]).when(apply({ certificateNumber: 'GPS-TH-0002' })).thenRejects('SCHEME_NOT_COVERED');
    given([]).when(apply({}, world(arrangement.suspended(APP, '2024-04-01')))).thenRejects('ARRANGEMENT_NOT_IN_FORCE');
    given([]).when(apply({ arrangementId: 'MRA-NONE' })).thenRejects('ARRANGEMENT_NOT_FOUND', { kind: 'NOT_FOUND' });
  });

  it('is refused for a certificate that is not valid on the date of the application', () => {
    given([]).when(apply({}, world(certificate.withdrawn(N, '2024-04-01')))).thenRejects('CERTIFICATE_WITHDRAWN');
  });
});

describe('deciding an application', () => {
  it('a grant decides the pending application and says so', () => {
    given([applied(N, 'VN', APP, '2024-05-01')]).when(grant()).then([grantedOnApplication(N, 'VN', APP, '2024-06-01', FIRST)]);
  });

  it('a grant may still be taken without an application, as before, and then names none', () => {
    given([]).when(grant()).then([granted(N, 'VN', APP, '2024-06-01')]);
  });

  it('a grant carries its conditions and an end of its own', () => {
    given([applied(N, 'VN', APP, '2024-05-01')])
      .when(grant({ conditions: 'under a local supervisor', validUntil: '2025-05-31' }))
      .then([
        {
          type: 'RecognitionGranted',
          data: { certificateNumber: N, country: 'VN', arrangementId: APP, decidedOn: '2024-06-01', conditions: 'under a local supervisor', validUntil: '2025-05-31', applicationId: FIRST },
        },
      ]);
    given([]).when(grant({ validUntil: '2024-06-01' })).thenRejects('VALID_UNTIL_NOT_AFTER_START', { field: 'validUntil' });
  });

  it('a refusal decides the pending application, with a code from the published list and a note', () => {
    given([applied(N, 'VN', APP, '2024-05-01')])
      .when(refuse({ reasonCode: 'NATIONAL_REQUIREMENT_NOT_MET', note: 'a national licence is required' }))
      .then([refused(N, 'VN', APP, '2024-06-01', FIRST, 'NATIONAL_REQUIREMENT_NOT_MET', 'a national licence is required')]);
  });

  it('a refusal needs a code from the published list', () => {
    given([applied(N, 'VN', APP, '2024-05-01')]).when(refuse({ reasonCode: 'BECAUSE' })).thenRejects('INVALID_REFUSAL_REASON', { field: 'reasonCode' });
  });

  it('a refusal without an application names its arrangement', () => {
    given([]).when(refuse({}, world(), null)).thenRejects('FIELD_REQUIRED', { field: 'arrangementId' });
    given([]).when(refuse({ arrangementId: APP })).then([refused(N, 'VN', APP, '2024-06-01', null)]);
    given([]).when(refuse({ country: 'MY', arrangementId: 'MRA-AUTO' })).thenRejects('NOT_HOST_COUNTRY_PARTY');
  });

  it('decide twice: a granted application cannot be refused, a refused one cannot be refused again', () => {
    const grantedFirst = [applied(N, 'VN', APP, '2024-05-01'), grantedOnApplication(N, 'VN', APP, '2024-06-01', FIRST)];
    given(grantedFirst).when(refuse({ decidedOn: '2024-06-02' })).thenRejects('RECOGNITION_ALREADY_GRANTED', { kind: 'CONFLICT' });
    given(grantedFirst).when(grant({ decidedOn: '2024-06-02' })).thenRejects('RECOGNITION_ALREADY_GRANTED', { kind: 'CONFLICT' });
    const refusedFirst = [applied(N, 'VN', APP, '2024-05-01'), refused(N, 'VN', APP, '2024-06-01', FIRST)];
    given(refusedFirst).when(refuse({ decidedOn: '2024-06-02' }, world(), null)).thenRejects('RECOGNITION_ALREADY_REFUSED', { kind: 'CONFLICT' });
  });

  it('the host may change its mind after a refusal and grant without a new application', () => {
    given([applied(N, 'VN', APP, '2024-05-01'), refused(N, 'VN', APP, '2024-06-01', FIRST)])
      .when(grant({ decidedOn: '2024-07-01' }))
      .then([granted(N, 'VN', APP, '2024-07-01')]);
  });

  it('decide on a withdrawn certificate: no grant, but the application can be refused and leaves the queue', () => {
    const withdrawn = world(certificate.withdrawn(N, '2024-05-15'));
    given([applied(N, 'VN', APP, '2024-05-01')]).when(grant({}, withdrawn)).thenRejects('CERTIFICATE_WITHDRAWN');
    given([applied(N, 'VN', APP, '2024-05-01')])
      .when(refuse({ reasonCode: 'CERTIFICATE_NOT_IN_GOOD_STANDING' }, withdrawn))
      .then([refused(N, 'VN', APP, '2024-06-01', FIRST, 'CERTIFICATE_NOT_IN_GOOD_STANDING')]);
  });

  it('a decision may not be dated before the application it decides', () => {
    given([applied(N, 'VN', APP, '2024-05-01')]).when(grant({ decidedOn: '2024-04-30' })).thenRejects('EFFECTIVE_DATE_BEFORE_LAST_CHANGE', { field: 'decidedOn' });
  });

  it('refuse then re-apply: the second application is numbered 2 and may be granted', () => {
    const history = [applied(N, 'VN', APP, '2024-05-01'), refused(N, 'VN', APP, '2024-06-01', FIRST)];
    given(history).when(apply({ appliedOn: '2024-06-15', note: 'licence obtained' })).then([applied(N, 'VN', APP, '2024-06-15', 2, 'licence obtained')]);
    given([...history, applied(N, 'VN', APP, '2024-06-15', 2)])
      .when(grant({ decidedOn: '2024-07-01' }))
      .then([grantedOnApplication(N, 'VN', APP, '2024-07-01', `${N}/VN/2`)]);
  });

  it('re-applies after a revocation', () => {
    given([applied(N, 'VN', APP, '2024-05-01'), grantedOnApplication(N, 'VN', APP, '2024-06-01', FIRST), revoked(N, 'VN', '2024-09-01')])
      .when(apply({ appliedOn: '2024-10-01' }))
      .then([applied(N, 'VN', APP, '2024-10-01', 2)]);
  });
});
