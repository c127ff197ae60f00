import { accreditationBody, certificationBody } from '../testing/actors';
import { deciderSpecification } from '../testing/decider-specification';
import { EventLog } from '../testing/event-log';
import { GPS, PS, accreditation, accredited, arrangement, signed } from '../testing/events';
import type { CertificationBodyTimeline } from '../certification-bodies/timeline';
import type { ArrangementCommand, SignArrangement } from './commands';
import { arrangementAggregate } from './declaration';

// The declared aggregate's decider: the sender's role is checked before the rules, as the registry runs it.
const given = deciderSpecification(arrangementAggregate.decider);
const ID = 'MRA-ASEAN-PS';
const registeredSchemes = [PS, GPS];

const log = new EventLog();
log.record(
  accredited('TH-CB', 'TH', [PS], '2024-01-15', '2027-01-14'),
  accredited('MY-CB', 'MY', [PS], '2024-02-01', '2027-01-31'),
  accredited('SG-CB', 'SG', [PS], '2024-02-01', '2027-01-31'),
  accredited('VN-CB', 'VN', [PS], '2024-05-01', '2027-04-30'),
  accreditation.suspended('SG-CB', '2024-03-01'),
);
const bodies = log.bodies();
const bodyOf = (cbId: string): CertificationBodyTimeline | null => bodies.find((body) => body.cbId === cbId) ?? null;

function sign(data: Partial<SignArrangement['data']> = {}, actor = accreditationBody): SignArrangement {
  return {
    type: 'SignArrangement',
    data: { id: ID, title: 'ASEAN productivity specialists', parties: ['TH-CB', 'MY-CB'], schemes: [PS], mode: 'AUTOMATIC', effectiveFrom: '2024-04-01', ...data },
    actor,
    facts: { registeredSchemes, parties: bodies },
  };
}
const signedMRA = signed(ID, ['TH-CB', 'MY-CB'], [PS], 'AUTOMATIC', '2024-04-01');
const signedThree = signed(ID, ['TH-CB', 'MY-CB', 'VN-CB'], [PS], 'AUTOMATIC', '2024-06-01');

const admit = (cbId: string, effectiveOn: string): ArrangementCommand => ({
  type: 'AdmitArrangementParty',
  data: { id: ID, cbId, effectiveOn },
  actor: accreditationBody,
  facts: { party: bodyOf(cbId) },
});
const withdrawParty = (cbId: string, effectiveOn: string): ArrangementCommand => ({
  type: 'WithdrawArrangementParty',
  data: { id: ID, cbId, effectiveOn },
  actor: accreditationBody,
});
const amend = (schemes: string[], effectiveOn: string): ArrangementCommand => ({
  type: 'AmendArrangementScope',
  data: { id: ID, schemes, effectiveOn },
  actor: accreditationBody,
  facts: { registeredSchemes },
});
const lifecycle = (type: 'SuspendArrangement' | 'ReinstateArrangement' | 'TerminateArrangement', effectiveOn: string): ArrangementCommand => ({
  type,
  data: { id: ID, effectiveOn, reason: 'decided by the council' },
  actor: accreditationBody,
});

describe('signing an arrangement', () => {
  it('records the MRA, with no end date when none is given', () => {
    given([]).when(sign()).then([{ ...signedMRA, data: { ...signedMRA.data, title: 'ASEAN productivity specialists' } }]);
  });

  it('records an end date after the start', () => {
    given([])
      .when(sign({ expiresOn: '2028-12-31', mode: 'ON_APPLICATION' }))
      .then([expect.objectContaining({ data: expect.objectContaining({ expiresOn: '2028-12-31', mode: 'ON_APPLICATION' }) })]);
  });

  it('refuses an id already taken', () => {
    given([signedMRA]).when(sign()).thenRejects('ARRANGEMENT_ID_TAKEN', { kind: 'CONFLICT' });
  });

  it('needs two or more parties', () => {
    given([]).when(sign({ parties: ['TH-CB'] })).thenRejects('ARRANGEMENT_NEEDS_TWO_PARTIES', { field: 'parties' });
  });

  it('needs distinct parties', () => {
    given([]).when(sign({ parties: ['TH-CB', 'TH-CB'] })).thenRejects('ARRANGEMENT_PARTIES_NOT_DISTINCT', { field: 'parties' });
  });

  it('needs every party accredited on the effective date', () => {
    given([]).when(sign({ parties: ['TH-CB', 'SG-CB'] })).thenRejects('PARTY_NOT_ACCREDITED', { field: 'parties' });
    given([]).when(sign({ parties: ['TH-CB', 'VN-CB'] })).thenRejects('PARTY_NOT_ACCREDITED');
    given([]).when(sign({ parties: ['TH-CB', 'XX-CB'] })).thenRejects('PARTY_NOT_ACCREDITED');
  });

  it('covers registered schemes only', () => {
    given([]).when(sign({ schemes: [PS, 'APO-XX 999'] })).thenRejects('SCHEME_NOT_REGISTERED', { field: 'schemes' });
    given([]).when(sign({ schemes: [] })).thenRejects('SCOPE_EMPTY');
  });

  it('recognizes AUTOMATIC or ON_APPLICATION, nothing else', () => {
    given([])
      .when(sign({ mode: 'SOMETIMES' as unknown as 'AUTOMATIC' }))
      .thenRejects('INVALID_MODE', { field: 'mode' });
  });

  it('refuses an end date that is not after the start', () => {
    given([]).when(sign({ expiresOn: '2024-04-01' })).thenRejects('EXPIRES_ON_NOT_AFTER_EFFECTIVE_FROM', { field: 'expiresOn' });
  });

  it('is for the accreditation body only', () => {
    given([]).when(sign({}, certificationBody('TH-CB'))).thenRejects('ROLE_NOT_PERMITTED', { kind: 'FORBIDDEN' });
  });
});

describe('parties joining and leaving', () => {
  it('admits an accredited CB from a date', () => {
    given([signedMRA]).when(admit('VN-CB', '2024-06-01')).then([arrangement.admitted(ID, 'VN-CB', '2024-06-01')]);
  });

  it('refuses to admit a CB that is not accredited on that date', () => {
    given([signedMRA]).when(admit('VN-CB', '2024-04-15')).thenRejects('PARTY_NOT_ACCREDITED', { field: 'cbId' });
    given([signedMRA]).when(admit('SG-CB', '2024-06-01')).thenRejects('PARTY_NOT_ACCREDITED');
  });

  it('refuses to admit a party twice', () => {
    given([signedMRA]).when(admit('MY-CB', '2024-06-01')).thenRejects('PARTY_ALREADY_ADMITTED', { field: 'cbId' });
  });

  it('lets a party withdraw from a date', () => {
    given([signedThree]).when(withdrawParty('VN-CB', '2025-01-01')).then([arrangement.partyWithdrawn(ID, 'VN-CB', '2025-01-01')]);
  });

  it('refuses the withdrawal of a CB that is not a party', () => {
    given([signedThree, arrangement.partyWithdrawn(ID, 'VN-CB', '2025-01-01')])
      .when(withdrawParty('VN-CB', '2025-02-01'))
      .thenRejects('NOT_A_PARTY', { field: 'cbId' });
  });

  it('refuses a withdrawal that would leave fewer than two parties', () => {
    given([signedMRA]).when(withdrawParty('MY-CB', '2025-01-01')).thenRejects('ARRANGEMENT_NEEDS_TWO_PARTIES');
  });
});

describe('amending, suspending and terminating an arrangement', () => {
  it('amends the covered schemes from a date', () => {
    given([signedMRA]).when(amend([PS, GPS], '2025-01-01')).then([arrangement.amended(ID, [PS, GPS], '2025-01-01')]);
  });

  it('refuses an amendment to unregistered schemes', () => {
    given([signedMRA]).when(amend(['APO-XX 999'], '2025-01-01')).thenRejects('SCHEME_NOT_REGISTERED');
  });

  it('suspends and reinstates', () => {
    given([signedMRA]).when(lifecycle('SuspendArrangement', '2025-01-01')).then([arrangement.suspended(ID, '2025-01-01', 'decided by the council')]);
    given([signedMRA, arrangement.suspended(ID, '2025-01-01')])
      .when(lifecycle('ReinstateArrangement', '2025-03-01'))
      .then([arrangement.reinstated(ID, '2025-03-01', 'decided by the council')]);
  });

  it('refuses to suspend twice or to reinstate what is not suspended', () => {
    given([signedMRA, arrangement.suspended(ID, '2025-01-01')]).when(lifecycle('SuspendArrangement', '2025-02-01')).thenRejects('ARRANGEMENT_ALREADY_SUSPENDED');
    given([signedMRA]).when(lifecycle('ReinstateArrangement', '2025-02-01')).thenRejects('ARRANGEMENT_NOT_SUSPENDED');
  });

  it('treats termination as final', () => {
    const history = [signedMRA, arrangement.terminated(ID, '2025-01-01')];
    given([signedMRA]).when(lifecycle('TerminateArrangement', '2025-01-01')).then([arrangement.terminated(ID, '2025-01-01', 'decided by the council')]);
    for (const command of [lifecycle('ReinstateArrangement', '2025-02-01'), lifecycle('TerminateArrangement', '2025-02-01'), admit('VN-CB', '2025-02-01'), amend([GPS], '2025-02-01')]) {
      given(history).when(command).thenRejects('ARRANGEMENT_TERMINATED');
    }
  });

  it('refuses to act on an arrangement that does not exist', () => {
    given([]).when(lifecycle('SuspendArrangement', '2025-01-01')).thenRejects('ARRANGEMENT_NOT_FOUND', { kind: 'NOT_FOUND' });
  });

  it('refuses a change dated before the last recorded change', () => {
    given([signedMRA]).when(lifecycle('SuspendArrangement', '2024-03-31')).thenRejects('EFFECTIVE_DATE_BEFORE_LAST_CHANGE');
    given([signedThree, arrangement.suspended(ID, '2025-01-01')])
      .when(withdrawParty('VN-CB', '2024-12-01'))
      .thenRejects('EFFECTIVE_DATE_BEFORE_LAST_CHANGE', { field: 'effectiveOn' });
  });
});
