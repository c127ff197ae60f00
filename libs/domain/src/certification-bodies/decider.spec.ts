import { accreditationBody, certificationBody } from '../testing/actors';
import { deciderSpecification } from '../testing/decider-specification';
import { GPS, PS, PUBLIC_PS, accreditation, accredited } from '../testing/events';
import type { AccreditCertificationBody, CertificationBodyCommand } from './commands';
import { certificationBodyAggregate } from './declaration';

// The declared aggregate's decider: the sender's role is checked before the rules, as the registry runs it.
const given = deciderSpecification(certificationBodyAggregate.decider);
const registeredSchemes = [PS, GPS, PUBLIC_PS];
const TH = 'TH-CB';
const accreditedTH = accredited(TH, 'TH', [PS], '2024-01-15', '2027-01-14');

function accredit(data: Partial<AccreditCertificationBody['data']> = {}, actor = accreditationBody): AccreditCertificationBody {
  return {
    type: 'AccreditCertificationBody',
    data: { cbId: TH, name: 'Thailand Productivity Institute', country: 'TH', scope: [PS], accreditedOn: '2024-01-15', validUntil: '2027-01-14', ...data },
    actor,
    facts: { registeredSchemes },
  };
}

const suspend = (effectiveOn: string): CertificationBodyCommand => ({
  type: 'SuspendAccreditation',
  data: { cbId: TH, effectiveOn, reason: 'surveillance audit findings' },
  actor: accreditationBody,
});
const reinstate = (effectiveOn: string): CertificationBodyCommand => ({
  type: 'ReinstateAccreditation',
  data: { cbId: TH, effectiveOn, reason: 'corrective actions closed' },
  actor: accreditationBody,
});
const withdraw = (effectiveOn: string): CertificationBodyCommand => ({
  type: 'WithdrawAccreditation',
  data: { cbId: TH, effectiveOn, reason: 'ceased operations' },
  actor: accreditationBody,
});
const renew = (effectiveOn: string, validUntil: string): CertificationBodyCommand => ({
  type: 'RenewAccreditation',
  data: { cbId: TH, effectiveOn, validUntil },
  actor: accreditationBody,
});
const extend = (schemes: string[], effectiveOn: string): CertificationBodyCommand => ({
  type: 'ExtendAccreditationScope',
  data: { cbId: TH, schemes, effectiveOn },
  actor: accreditationBody,
  facts: { registeredSchemes },
});
const reduce = (schemes: string[], effectiveOn: string): CertificationBodyCommand => ({
  type: 'ReduceAccreditationScope',
  data: { cbId: TH, schemes, effectiveOn },
  actor: accreditationBody,
});

describe('accrediting a certification body', () => {
  it('records the accreditation, with the country upper-cased', () => {
    given([])
      .when(accredit({ country: 'th' }))
      .then([
        {
          type: 'CertificationBodyAccredited',
          data: { cbId: TH, name: 'Thailand Productivity Institute', country: 'TH', scope: [PS], accreditedOn: '2024-01-15', validUntil: '2027-01-14' },
        },
      ]);
  });

  it('refuses a CB id that is already accredited', () => {
    given([accreditedTH]).when(accredit()).thenRejects('CB_ID_TAKEN', { kind: 'CONFLICT', field: 'cbId' });
  });

  it.each(['UK', 'XX', 'THA', ''])('refuses country %j, which is not ISO 3166-1 alpha-2', (country) => {
    given([]).when(accredit({ country })).thenRejects('INVALID_COUNTRY', { field: 'country' });
  });

  it('refuses a scope naming a scheme that is not registered', () => {
    given([]).when(accredit({ scope: [PS, 'APO-XX 999'] })).thenRejects('SCHEME_NOT_REGISTERED', { field: 'scope' });
  });

  it('refuses an empty scope, or one naming a scheme twice', () => {
    given([]).when(accredit({ scope: [] })).thenRejects('SCOPE_EMPTY', { field: 'scope' });
    given([]).when(accredit({ scope: [PS, PS] })).thenRejects('DUPLICATE_SCHEME', { field: 'scope' });
  });

  it('refuses a validUntil that is not after accreditedOn', () => {
    given([]).when(accredit({ validUntil: '2024-01-15' })).thenRejects('VALID_UNTIL_NOT_AFTER_START', { field: 'validUntil' });
  });

  it('refuses a date that does not exist', () => {
    given([]).when(accredit({ accreditedOn: '2024-02-30' })).thenRejects('INVALID_DATE', { field: 'accreditedOn' });
  });

  it('is for the accreditation body only', () => {
    given([]).when(accredit({}, certificationBody(TH))).thenRejects('ROLE_NOT_PERMITTED', { kind: 'FORBIDDEN' });
  });
});

describe('suspending, reinstating and withdrawing an accreditation', () => {
  it('suspends an accredited CB from a date', () => {
    given([accreditedTH]).when(suspend('2025-03-01')).then([accreditation.suspended(TH, '2025-03-01')]);
  });

  it('refuses to suspend a CB that is not accredited', () => {
    given([]).when(suspend('2025-03-01')).thenRejects('CB_NOT_FOUND', { kind: 'NOT_FOUND' });
  });

  it('refuses to suspend an accreditation that is already suspended', () => {
    given([accreditedTH, accreditation.suspended(TH, '2025-03-01')])
      .when(suspend('2025-04-01'))
      .thenRejects('ACCREDITATION_ALREADY_SUSPENDED');
  });

  it('refuses to suspend an accreditation that has expired by then', () => {
    given([accreditedTH]).when(suspend('2027-01-15')).thenRejects('ACCREDITATION_EXPIRED', { field: 'effectiveOn' });
  });

  it('reinstates a suspended accreditation', () => {
    given([accreditedTH, accreditation.suspended(TH, '2025-03-01')])
      .when(reinstate('2025-06-01'))
      .then([accreditation.reinstated(TH, '2025-06-01')]);
  });

  it('refuses to reinstate an accreditation that is not suspended', () => {
    given([accreditedTH]).when(reinstate('2025-06-01')).thenRejects('ACCREDITATION_NOT_SUSPENDED');
  });

  it('withdraws an accreditation, suspended or not', () => {
    given([accreditedTH]).when(withdraw('2025-09-01')).then([accreditation.withdrawn(TH, '2025-09-01')]);
    given([accreditedTH, accreditation.suspended(TH, '2025-03-01')])
      .when(withdraw('2025-09-01'))
      .then([accreditation.withdrawn(TH, '2025-09-01')]);
  });

  it('treats withdrawal as final', () => {
    const history = [accreditedTH, accreditation.withdrawn(TH, '2025-09-01')];
    for (const command of [reinstate('2025-10-01'), suspend('2025-10-01'), withdraw('2025-10-01'), renew('2025-10-01', '2029-01-01'), extend([GPS], '2025-10-01')]) {
      given(history).when(command).thenRejects('ACCREDITATION_WITHDRAWN');
    }
  });

  it('refuses a change dated before the last recorded change', () => {
    given([accreditedTH, accreditation.suspended(TH, '2025-03-01')])
      .when(reinstate('2025-02-28'))
      .thenRejects('EFFECTIVE_DATE_BEFORE_LAST_CHANGE', { field: 'effectiveOn' });
    given([accreditedTH]).when(suspend('2024-01-14')).thenRejects('EFFECTIVE_DATE_BEFORE_LAST_CHANGE');
  });

  it('requires a reason', () => {
    given([accreditedTH])
      .when({ type: 'SuspendAccreditation', data: { cbId: TH, effectiveOn: '2025-03-01', reason: '' }, actor: accreditationBody })
      .thenRejects('FIELD_REQUIRED', { field: 'reason' });
  });
});

describe('renewing an accreditation', () => {
  it('extends validity from an effective date', () => {
    given([accreditedTH]).when(renew('2027-01-15', '2030-01-14')).then([accreditation.renewed(TH, '2027-01-15', '2030-01-14')]);
  });

  it('refuses a renewal that does not extend validity', () => {
    given([accreditedTH]).when(renew('2026-06-01', '2027-01-14')).thenRejects('RENEWAL_DOES_NOT_EXTEND', { field: 'validUntil' });
  });

  it('refuses a renewal ending on or before its own effective date', () => {
    given([accreditedTH]).when(renew('2031-01-01', '2030-12-31')).thenRejects('VALID_UNTIL_NOT_AFTER_START');
  });
});

describe('changing the scope of an accreditation', () => {
  it('extends the scope from a date with registered schemes', () => {
    given([accreditedTH]).when(extend([GPS, PUBLIC_PS], '2025-01-01')).then([accreditation.extended(TH, [GPS, PUBLIC_PS], '2025-01-01')]);
  });

  it('refuses to extend the scope with a scheme that is not registered', () => {
    given([accreditedTH]).when(extend(['APO-XX 999'], '2025-01-01')).thenRejects('SCHEME_NOT_REGISTERED', { field: 'schemes' });
  });

  it('refuses to extend the scope with a scheme already in it', () => {
    given([accreditedTH]).when(extend([PS], '2025-01-01')).thenRejects('SCHEME_ALREADY_IN_SCOPE', { field: 'schemes' });
  });

  it('reduces the scope from a date', () => {
    given([accreditedTH, accreditation.extended(TH, [GPS], '2025-01-01')])
      .when(reduce([PS], '2025-06-01'))
      .then([accreditation.reduced(TH, [PS], '2025-06-01')]);
  });

  it('refuses to remove a scheme that is not in scope', () => {
    given([accreditedTH]).when(reduce([GPS], '2025-06-01')).thenRejects('SCHEME_NOT_IN_SCOPE', { field: 'schemes' });
  });

  it('refuses to reduce the scope to nothing', () => {
    given([accreditedTH]).when(reduce([PS], '2025-06-01')).thenRejects('SCOPE_EMPTY', { field: 'schemes' });
  });

  it('tracks the scope across extensions and reductions', () => {
    given([accreditedTH, accreditation.extended(TH, [GPS], '2025-01-01'), accreditation.reduced(TH, [PS], '2025-06-01')])
      .when(reduce([GPS], '2025-07-01'))
      .thenRejects('SCOPE_EMPTY');
  });
});
