import type { CertificationBodyTimeline } from '../certification-bodies/timeline';
import { accreditationBody, certificationBody } from '../testing/actors';
import { deciderSpecification } from '../testing/decider-specification';
import { EventLog } from '../testing/event-log';
import { GPS, PS, accreditation, accredited, certificate, issued } from '../testing/events';
import type { RegistryEvent } from '../registry-event';
import type { NumberPrefixClaim } from '../number-prefixes/number-prefix';
import type { CertificateCommand, IssueCertificate } from './commands';
import { certificateAggregate } from './declaration';

// The declared aggregate's decider: the sender's role is checked before the rules, as the registry runs it.
const given = deciderSpecification(certificateAggregate.decider);
const TH = 'TH-CB';
const N = 'PS-TH-0001';
const th = certificationBody(TH);

/** The issuing CB's timeline after the given accreditation history. */
function body(...events: RegistryEvent[]): CertificationBodyTimeline | null {
  const log = new EventLog();
  log.record(accredited(TH, 'TH', [PS], '2024-01-15', '2027-01-14'), ...events);
  return log.body(TH);
}

function issue(data: Partial<IssueCertificate['data']> = {}, issuingBody = body(), actor = th, numberPrefixClaims: NumberPrefixClaim[] = []): IssueCertificate {
  return {
    type: 'IssueCertificate',
    data: { number: N, cbId: TH, schemeCode: PS, holderName: 'Somchai Jaidee', issuedOn: '2024-03-01', validUntil: '2027-02-28', ...data },
    actor,
    facts: { issuingBody, numberPrefixClaims },
  };
}

const issuedN = issued(N, TH, PS, '2024-03-01', '2027-02-28', 'Somchai Jaidee');
const lifecycle = (type: 'SuspendCertificate' | 'ReinstateCertificate' | 'WithdrawCertificate' | 'CancelCertificate', effectiveOn: string, actor = th): CertificateCommand => ({
  type,
  data: { number: N, effectiveOn, reason: 'as recorded by the CB' },
  actor,
});
const renew = (effectiveOn: string, validUntil: string, issuingBody = body()): CertificateCommand => ({
  type: 'RenewCertificate',
  data: { number: N, effectiveOn, validUntil },
  actor: th,
  facts: { issuingBody },
});

describe('issuing a certificate', () => {
  it('records a certificate issued by a CB accredited for the scheme on the issue date', () => {
    given([]).when(issue()).then([issuedN]);
  });

  it('refuses a number already taken', () => {
    given([issuedN]).when(issue()).thenRejects('CERTIFICATE_NUMBER_TAKEN', { kind: 'CONFLICT', field: 'number' });
  });

  it('lets a CB issue only its own certificates', () => {
    given([]).when(issue({}, body(), certificationBody('MY-CB'))).thenRejects('NOT_OWN_CERTIFICATE', { kind: 'FORBIDDEN', field: 'cbId' });
  });

  it('is for certification bodies only', () => {
    given([]).when(issue({}, body(), accreditationBody)).thenRejects('ROLE_NOT_PERMITTED', { kind: 'FORBIDDEN' });
  });

  describe('under the certificate-number prefixes declared for CBs', () => {
    const myPrefix = { prefix: 'MY', cbId: 'MY-CB' };

    it('refuses a number beginning with another CB\'s prefix, in any case', () => {
      given([]).when(issue({ number: 'MY-PS-2024-0001' }, body(), th, [myPrefix])).thenRejects('NUMBER_PREFIX_OF_ANOTHER_CB', { field: 'number' });
      given([]).when(issue({ number: 'my-PS-2024-0001' }, body(), th, [myPrefix])).thenRejects('NUMBER_PREFIX_OF_ANOTHER_CB');
    });

    it('lets the CB a prefix is declared for issue under it, and anyone issue under no declared prefix', () => {
      given([]).when(issue({ number: 'TH-PS-2024-0001' }, body(), th, [{ prefix: 'TH', cbId: TH }])).then([issued('TH-PS-2024-0001', TH, PS, '2024-03-01', '2027-02-28', 'Somchai Jaidee')]);
      // The bench's numbers (PS-TH-…) begin with no declared prefix: MY's prefix is not theirs.
      given([]).when(issue({ number: 'PS-TH-0001' }, body(), th, [myPrefix])).then([issuedN]);
    });

    it('goes by the longest declared prefix that begins the number', () => {
      const claims = [myPrefix, { prefix: 'MY-TH', cbId: TH }];
      given([]).when(issue({ number: 'MY-TH-0001' }, body(), th, claims)).then([issued('MY-TH-0001', TH, PS, '2024-03-01', '2027-02-28', 'Somchai Jaidee')]);
      given([]).when(issue({ number: 'MY-THX-0001' }, body(), th, claims)).thenRejects('NUMBER_PREFIX_OF_ANOTHER_CB');
    });
  });

  it('requires the holder name', () => {
    given([]).when(issue({ holderName: '  ' })).thenRejects('FIELD_REQUIRED', { field: 'holderName' });
  });

  it('refuses a validUntil that is not after issuedOn', () => {
    given([]).when(issue({ validUntil: '2024-02-28' })).thenRejects('VALID_UNTIL_NOT_AFTER_START', { field: 'validUntil' });
  });

  it('refuses an issue date that does not exist', () => {
    given([]).when(issue({ issuedOn: '2023-02-29' })).thenRejects('INVALID_DATE', { field: 'issuedOn' });
  });

  it('refuses a CB that is not on record', () => {
    given([]).when(issue({}, null)).thenRejects('CB_NOT_FOUND', { kind: 'NOT_FOUND', field: 'cbId' });
  });

  it('refuses an issue dated before the CB was accredited', () => {
    given([]).when(issue({ issuedOn: '2024-01-14' })).thenRejects('CB_NOT_ACCREDITED', { field: 'cbId' });
  });

  it('refuses an issue dated while the accreditation is suspended, but not one dated before the suspension', () => {
    const suspended = body(accreditation.suspended(TH, '2024-03-01'));
    given([]).when(issue({}, suspended)).thenRejects('CB_ACCREDITATION_SUSPENDED');
    given([]).when(issue({ issuedOn: '2024-02-29' }, suspended)).then([{ ...issuedN, data: { ...issuedN.data, issuedOn: '2024-02-29' } }]);
  });

  it('refuses an issue dated after the accreditation was withdrawn', () => {
    given([]).when(issue({}, body(accreditation.withdrawn(TH, '2024-02-01')))).thenRejects('CB_ACCREDITATION_WITHDRAWN');
  });

  it('refuses an issue dated after the accreditation expired', () => {
    given([]).when(issue({ issuedOn: '2027-01-15', validUntil: '2030-01-14' })).thenRejects('CB_ACCREDITATION_EXPIRED');
  });

  it('refuses a scheme outside the accreditation scope on the issue date', () => {
    given([]).when(issue({ schemeCode: GPS })).thenRejects('SCHEME_NOT_IN_ACCREDITATION_SCOPE', { field: 'schemeCode' });
    const reduced = body(accreditation.extended(TH, [GPS], '2024-02-01'), accreditation.reduced(TH, [PS], '2024-02-15'));
    given([]).when(issue({}, reduced)).thenRejects('SCHEME_NOT_IN_ACCREDITATION_SCOPE');
  });
});

describe('renewing a certificate', () => {
  it('extends validity from the recertification date', () => {
    given([issuedN]).when(renew('2026-12-01', '2029-11-30')).then([certificate.renewed(N, '2026-12-01', '2029-11-30')]);
    const renewedBody = body(accreditation.renewed(TH, '2027-01-15', '2030-01-14'));
    given([issuedN]).when(renew('2027-03-01', '2030-02-28', renewedBody)).then([certificate.renewed(N, '2027-03-01', '2030-02-28')]);
  });

  it('refuses a renewal that does not extend validity', () => {
    given([issuedN]).when(renew('2026-01-01', '2027-02-28')).thenRejects('RENEWAL_DOES_NOT_EXTEND');
  });

  it('refuses a renewal when the CB is not accredited for the scheme on its date', () => {
    given([issuedN]).when(renew('2027-03-01', '2030-02-28')).thenRejects('CB_ACCREDITATION_EXPIRED');
    given([issuedN])
      .when(renew('2026-01-01', '2029-12-31', body(accreditation.suspended(TH, '2025-12-01'))))
      .thenRejects('CB_ACCREDITATION_SUSPENDED');
  });

  it('refuses to renew a suspended certificate', () => {
    given([issuedN, certificate.suspended(N, '2025-01-01')]).when(renew('2026-01-01', '2029-12-31')).thenRejects('CERTIFICATE_SUSPENDED');
  });
});

describe('the certificate lifecycle', () => {
  it('records the end of a suspension, after which an unlifted suspension becomes a withdrawal, and refuses an end not after its start', () => {
    const until = (date: string): CertificateCommand => ({ type: 'SuspendCertificate', data: { number: N, effectiveOn: '2025-01-01', reason: 'as recorded by the CB', until: date }, actor: th });
    const suspended = certificate.suspended(N, '2025-01-01', 'as recorded by the CB');
    given([issuedN]).when(until('2025-03-01')).then([{ ...suspended, data: { ...suspended.data, until: '2025-03-01' } }]);
    given([issuedN]).when(until('2025-01-01')).thenRejects('VALID_UNTIL_NOT_AFTER_START', { field: 'until' });
    given([issuedN]).when(until('2025-02-30')).thenRejects('INVALID_DATE', { field: 'until' });
  });

  it('suspends an active certificate and reinstates it', () => {
    given([issuedN]).when(lifecycle('SuspendCertificate', '2025-01-01')).then([certificate.suspended(N, '2025-01-01', 'as recorded by the CB')]);
    given([issuedN, certificate.suspended(N, '2025-01-01')])
      .when(lifecycle('ReinstateCertificate', '2025-02-01'))
      .then([certificate.reinstated(N, '2025-02-01', 'as recorded by the CB')]);
  });

  it('refuses to act on a certificate that does not exist', () => {
    given([]).when(lifecycle('SuspendCertificate', '2025-01-01')).thenRejects('CERTIFICATE_NOT_FOUND', { kind: 'NOT_FOUND' });
  });

  it("refuses another CB's lifecycle change", () => {
    given([issuedN]).when(lifecycle('WithdrawCertificate', '2025-01-01', certificationBody('MY-CB'))).thenRejects('NOT_OWN_CERTIFICATE', { kind: 'FORBIDDEN', field: 'number' });
  });

  it('refuses to suspend a certificate twice', () => {
    given([issuedN, certificate.suspended(N, '2025-01-01')]).when(lifecycle('SuspendCertificate', '2025-02-01')).thenRejects('CERTIFICATE_ALREADY_SUSPENDED');
  });

  it('refuses to suspend a certificate that has expired by then', () => {
    given([issuedN]).when(lifecycle('SuspendCertificate', '2027-03-01')).thenRejects('CERTIFICATE_EXPIRED');
  });

  it('refuses to reinstate a certificate that is not suspended', () => {
    given([issuedN]).when(lifecycle('ReinstateCertificate', '2025-02-01')).thenRejects('CERTIFICATE_NOT_SUSPENDED');
  });

  it('never reinstates a withdrawn certificate', () => {
    given([issuedN, certificate.suspended(N, '2025-01-01'), certificate.withdrawn(N, '2025-02-01')])
      .when(lifecycle('ReinstateCertificate', '2025-03-01'))
      .thenRejects('CERTIFICATE_WITHDRAWN');
  });

  it('withdraws a suspended certificate, but not a withdrawn one', () => {
    given([issuedN, certificate.suspended(N, '2025-01-01')])
      .when(lifecycle('WithdrawCertificate', '2025-02-01'))
      .then([certificate.withdrawn(N, '2025-02-01', 'as recorded by the CB')]);
    given([issuedN, certificate.withdrawn(N, '2025-02-01')]).when(lifecycle('WithdrawCertificate', '2025-03-01')).thenRejects('CERTIFICATE_WITHDRAWN');
  });

  it('cancels a certificate issued in error, even a withdrawn one', () => {
    given([issuedN, certificate.withdrawn(N, '2025-02-01')])
      .when(lifecycle('CancelCertificate', '2025-03-01'))
      .then([certificate.cancelled(N, '2025-03-01', 'as recorded by the CB')]);
  });

  it('treats cancellation as final', () => {
    const history = [issuedN, certificate.cancelled(N, '2025-03-01')];
    for (const type of ['SuspendCertificate', 'ReinstateCertificate', 'WithdrawCertificate', 'CancelCertificate'] as const) {
      given(history).when(lifecycle(type, '2025-04-01')).thenRejects('CERTIFICATE_CANCELLED');
    }
    given(history).when(renew('2025-04-01', '2030-01-01')).thenRejects('CERTIFICATE_CANCELLED');
  });

  it('refuses a change dated before the last recorded change', () => {
    given([issuedN, certificate.suspended(N, '2025-01-01')])
      .when(lifecycle('ReinstateCertificate', '2024-12-31'))
      .thenRejects('EFFECTIVE_DATE_BEFORE_LAST_CHANGE', { field: 'effectiveOn' });
    given([issuedN]).when(lifecycle('SuspendCertificate', '2024-02-29')).thenRejects('EFFECTIVE_DATE_BEFORE_LAST_CHANGE');
  });
});
