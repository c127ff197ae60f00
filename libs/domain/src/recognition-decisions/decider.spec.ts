import { accreditationBody, certificationBody } from '../testing/actors';
import { deciderSpecification } from '../testing/decider-specification';
import { EventLog } from '../testing/event-log';
import { GPS, PS, accreditation, accredited, arrangement, certificate, granted, issued, revoked, signed } from '../testing/events';
import type { RegistryEvent } from '../registry-event';
import type { GrantRecognition, RevokeRecognition } from './commands';
import { recognitionDecisionAggregate } from './declaration';

// The declared aggregate's decider: the sender's role is checked before the rules, as the registry runs it.
const given = deciderSpecification(recognitionDecisionAggregate.decider);
const N = 'PS-TH-0001';
const APP = 'MRA-APP';

/** A Thai certificate; Vietnam and Singapore recognize it on application, Malaysia automatically. */
function world(...later: RegistryEvent[]): EventLog {
  const log = new EventLog();
  log.record(
    accredited('TH-CB', 'TH', [PS, GPS], '2024-01-15', '2027-01-14'),
    accredited('VN-CB', 'VN', [PS], '2024-01-01', '2027-12-31'),
    accredited('SG-CB', 'SG', [PS], '2024-01-01', '2027-12-31'),
    accredited('MY-CB', 'MY', [PS], '2024-01-01', '2027-12-31'),
    accredited('ID-CB', 'ID', [PS], '2024-01-01', '2027-12-31'),
    signed(APP, ['TH-CB', 'VN-CB', 'SG-CB'], [PS], 'ON_APPLICATION', '2024-03-01'),
    signed('MRA-AUTO', ['TH-CB', 'MY-CB'], [PS], 'AUTOMATIC', '2024-03-01'),
    issued(N, 'TH-CB', PS, '2024-03-01', '2027-02-28'),
    issued('GPS-TH-0002', 'TH-CB', GPS, '2024-03-01', '2027-02-28'),
    ...later,
  );
  return log;
}

function facts(log: EventLog, number: string, host: string, arrangementId = APP) {
  const certificate = log.certificate(number);
  return {
    certificate,
    issuingBody: certificate && log.body(certificate.cbId),
    hostBody: log.body(host),
    arrangement: log.arrangement(arrangementId),
  };
}

function grant(
  data: Partial<GrantRecognition['data']> = {},
  log = world(),
  host = 'VN-CB',
  actor = certificationBody(host),
): GrantRecognition {
  const full = { certificateNumber: N, country: 'VN', arrangementId: APP, decidedOn: '2024-06-01', ...data };
  return { type: 'GrantRecognition', data: full, actor, facts: facts(log, full.certificateNumber, host, full.arrangementId) };
}

function revoke(data: Partial<RevokeRecognition['data']> = {}, log = world(), host = 'VN-CB'): RevokeRecognition {
  const full = { certificateNumber: N, country: 'VN', decidedOn: '2024-09-01', reason: 'not equivalent to national licence', ...data };
  return { type: 'RevokeRecognition', data: full, actor: certificationBody(host), facts: facts(log, full.certificateNumber, host, full.arrangementId ?? APP) };
}

describe('granting recognition', () => {
  it('records a grant by a host-country party under an ON_APPLICATION arrangement', () => {
    given([]).when(grant()).then([granted(N, 'VN', APP, '2024-06-01')]);
  });

  it('records the conditions attached to a grant', () => {
    given([])
      .when(grant({ conditions: 'valid with a local supervisor' }))
      .then([{ type: 'RecognitionGranted', data: { certificateNumber: N, country: 'VN', arrangementId: APP, decidedOn: '2024-06-01', conditions: 'valid with a local supervisor' } }]);
  });

  it('takes the country in any case and records it upper-case', () => {
    given([]).when(grant({ country: 'vn' })).then([granted(N, 'VN', APP, '2024-06-01')]);
  });

  it('lets a CB decide only for its own country', () => {
    given([]).when(grant({ country: 'SG' })).thenRejects('NOT_HOST_COUNTRY_PARTY', { kind: 'FORBIDDEN', field: 'country' });
  });

  it('is for certification bodies only', () => {
    given([]).when(grant({}, world(), 'VN-CB', accreditationBody)).thenRejects('ROLE_NOT_PERMITTED', { kind: 'FORBIDDEN' });
  });

  it('refuses recognition in the issuing CB’s own country', () => {
    given([]).when(grant({ country: 'TH' }, world(), 'TH-CB')).thenRejects('RECOGNITION_IN_HOME_COUNTRY', { field: 'country' });
  });

  it('refuses a grant under an AUTOMATIC arrangement', () => {
    const log = world(signed('MRA-AUTO-VN', ['TH-CB', 'VN-CB'], [PS], 'AUTOMATIC', '2024-03-01'));
    given([]).when(grant({ arrangementId: 'MRA-AUTO-VN' }, log)).thenRejects('ARRANGEMENT_NOT_ON_APPLICATION', { field: 'arrangementId' });
  });

  it('refuses a grant under an arrangement that does not exist', () => {
    given([]).when(grant({ arrangementId: 'MRA-NONE' })).thenRejects('ARRANGEMENT_NOT_FOUND', { kind: 'NOT_FOUND' });
  });

  it('refuses a grant while the arrangement is not in force', () => {
    given([]).when(grant({}, world(arrangement.suspended(APP, '2024-05-01')))).thenRejects('ARRANGEMENT_NOT_IN_FORCE');
    given([]).when(grant({}, world(arrangement.terminated(APP, '2024-05-01')))).thenRejects('ARRANGEMENT_NOT_IN_FORCE');
  });

  it('refuses a grant when the issuing CB is not a party on the decision date', () => {
    const log = world(arrangement.partyWithdrawn(APP, 'TH-CB', '2024-05-01'));
    given([]).when(grant({}, log)).thenRejects('ISSUING_CB_NOT_PARTY');
  });

  it('refuses a grant by a host CB that is not a party on the decision date', () => {
    given([]).when(grant({ country: 'ID' }, world(), 'ID-CB')).thenRejects('HOST_CB_NOT_PARTY');
    const later = world(arrangement.admitted(APP, 'ID-CB', '2024-07-01'));
    given([]).when(grant({ country: 'ID' }, later, 'ID-CB')).thenRejects('HOST_CB_NOT_PARTY');
    given([]).when(grant({ country: 'ID', decidedOn: '2024-07-01' }, later, 'ID-CB')).then([granted(N, 'ID', APP, '2024-07-01')]);
  });

  it('refuses a grant for a scheme the arrangement does not cover', () => {
    given([]).when(grant({ certificateNumber: 'GPS-TH-0002' })).thenRejects('SCHEME_NOT_COVERED');
  });

  it('refuses a grant for a certificate that does not exist', () => {
    given([]).when(grant({ certificateNumber: 'PS-TH-9999' })).thenRejects('CERTIFICATE_NOT_FOUND', { kind: 'NOT_FOUND' });
  });

  it('refuses a grant for a certificate that is not valid on the decision date', () => {
    given([]).when(grant({}, world(certificate.suspended(N, '2024-05-01')))).thenRejects('CERTIFICATE_SUSPENDED');
    given([]).when(grant({}, world(certificate.cancelled(N, '2024-05-01')))).thenRejects('CERTIFICATE_CANCELLED');
  });

  it('refuses a grant by a host CB whose own accreditation is not in force', () => {
    given([]).when(grant({}, world(accreditation.suspended('VN-CB', '2024-05-01')))).thenRejects('HOST_CB_NOT_ACCREDITED');
  });

  it('refuses a second grant while the first stands', () => {
    given([granted(N, 'VN', APP, '2024-06-01')]).when(grant({ decidedOn: '2024-07-01' })).thenRejects('RECOGNITION_ALREADY_GRANTED', { kind: 'CONFLICT' });
  });

  it('grants again after a revocation', () => {
    given([granted(N, 'VN', APP, '2024-06-01'), revoked(N, 'VN', '2024-09-01')])
      .when(grant({ decidedOn: '2024-10-01' }))
      .then([granted(N, 'VN', APP, '2024-10-01')]);
  });

  it('refuses a decision dated before the last decision on the pair', () => {
    given([granted(N, 'VN', APP, '2024-06-01'), revoked(N, 'VN', '2024-09-01')])
      .when(grant({ decidedOn: '2024-08-01' }))
      .thenRejects('EFFECTIVE_DATE_BEFORE_LAST_CHANGE', { field: 'decidedOn' });
  });
});

describe('revoking or refusing recognition', () => {
  it('revokes a grant', () => {
    given([granted(N, 'VN', APP, '2024-06-01')]).when(revoke()).then([revoked(N, 'VN', '2024-09-01')]);
  });

  it('records a refusal with no prior grant, even where recognition is AUTOMATIC, under the arrangement named', () => {
    given([]).when(revoke({ country: 'MY', arrangementId: 'MRA-AUTO' }, world(), 'MY-CB')).then([revoked(N, 'MY', '2024-09-01')]);
  });

  it('needs the arrangement named to refuse a recognition that was not granted', () => {
    given([]).when(revoke({ country: 'MY' }, world(), 'MY-CB')).thenRejects('FIELD_REQUIRED', { field: 'arrangementId' });
  });

  it('refuses a host-country CB that is party to no arrangement with the issuing CB, granted or AUTOMATIC', () => {
    // The attack: a second CB of the host country, accredited for another scheme and party to nothing.
    const log = world(accredited('MY-CB2', 'MY', [GPS], '2024-01-01', '2027-12-31'), accredited('VN-CB2', 'VN', [GPS], '2024-01-01', '2027-12-31'));
    given([]).when(revoke({ country: 'MY', arrangementId: 'MRA-AUTO' }, log, 'MY-CB2')).thenRejects('HOST_CB_NOT_PARTY', { field: 'arrangementId' });
    given([granted(N, 'VN', APP, '2024-06-01')]).when(revoke({}, log, 'VN-CB2')).thenRejects('HOST_CB_NOT_PARTY');
  });

  it('revokes a grant only under the arrangement it was granted under', () => {
    given([granted(N, 'VN', APP, '2024-06-01')]).when(revoke({ arrangementId: 'MRA-AUTO' })).thenRejects('ARRANGEMENT_NOT_FOUND', { field: 'arrangementId' });
  });

  it('revokes a grant after the issuing CB left the arrangement: cleaning up stays possible', () => {
    const left = world(arrangement.partyWithdrawn(APP, 'TH-CB', '2024-08-01'));
    given([granted(N, 'VN', APP, '2024-06-01')]).when(revoke({}, left)).then([revoked(N, 'VN', '2024-09-01')]);
  });

  it('refuses under an arrangement that does not cover the scheme or that the issuing CB has left', () => {
    given([]).when(revoke({ certificateNumber: 'GPS-TH-0002', country: 'MY', arrangementId: 'MRA-AUTO' }, world(), 'MY-CB')).thenRejects('SCHEME_NOT_COVERED');
    const left = world(arrangement.partyWithdrawn('MRA-AUTO', 'TH-CB', '2024-05-01'));
    given([]).when(revoke({ country: 'MY', arrangementId: 'MRA-AUTO' }, left, 'MY-CB')).thenRejects('ISSUING_CB_NOT_PARTY');
  });

  it('refuses to revoke twice', () => {
    given([revoked(N, 'VN', '2024-09-01')]).when(revoke({ decidedOn: '2024-10-01' })).thenRejects('RECOGNITION_ALREADY_REVOKED', { kind: 'CONFLICT' });
  });

  it('lets a CB revoke only for its own country', () => {
    given([]).when(revoke({ country: 'MY' })).thenRejects('NOT_HOST_COUNTRY_PARTY', { kind: 'FORBIDDEN' });
  });

  it('refuses a revocation in the home country', () => {
    given([]).when(revoke({ country: 'TH' }, world(), 'TH-CB')).thenRejects('RECOGNITION_IN_HOME_COUNTRY');
  });

  it('requires a reason', () => {
    given([]).when(revoke({ reason: '' })).thenRejects('FIELD_REQUIRED', { field: 'reason' });
  });
});
