import { accreditationBody, skillsFocalPoint } from '../../testing/actors';
import { deciderSpecification } from '../../testing/decider-specification';
import { skills } from '../testing/events';
import type { PriorityOccupationCommand, ValidatePriorityOccupation } from './commands';
import { priorityOccupationAggregate } from './declaration';

// The declared aggregate's decider: the sender's role is checked before the rules, as the registry runs it.
const given = deciderSpecification(priorityOccupationAggregate.decider);
const proposed = skills.priorityProposed('KH', 'COOK', '2013-10-01');

const propose = (actor = skillsFocalPoint('KH')): PriorityOccupationCommand => ({
  type: 'ProposePriorityOccupation',
  data: { country: 'KH', code: 'COOK', sector: 'Tourism', occupation: 'Cook', proposedOn: '2013-10-01' },
  actor,
});

const validate = (data: Partial<ValidatePriorityOccupation['data']> = {}, actor = accreditationBody): PriorityOccupationCommand => ({
  type: 'ValidatePriorityOccupation',
  data: {
    country: 'KH',
    code: 'COOK',
    partner: 'EMPLOYERS',
    organisation: "KH employers' federation",
    representative: null,
    outcome: 'VALIDATED',
    validatedOn: '2014-09-25',
    ...data,
  },
  actor,
});

describe('proposing a priority occupation', () => {
  it('is the government\'s, through its own skills focal point', () => {
    given([]).when(propose()).then([proposed]);
    given([]).when(propose(skillsFocalPoint('LA'))).thenRejects('NOT_OWN_COUNTRY', { kind: 'FORBIDDEN' });
    given([proposed]).when(propose()).thenRejects('PRIORITY_OCCUPATION_ALREADY_PROPOSED', { kind: 'CONFLICT' });
  });
});

describe('a social partner\'s validation', () => {
  it('records who validated (organisation, representative) and when', () => {
    given([proposed])
      .when(validate({ representative: 'Ms. Sok' }))
      .then([
        {
          type: 'PriorityOccupationValidated',
          data: {
            country: 'KH',
            code: 'COOK',
            partner: 'EMPLOYERS',
            organisation: "KH employers' federation",
            representative: 'Ms. Sok',
            outcome: 'VALIDATED',
            validatedOn: '2014-09-25',
          },
        },
      ]);
  });

  it('is recorded by the accreditation body on the partner\'s statement, never by the proposing government', () => {
    given([proposed]).when(validate({}, skillsFocalPoint('KH'))).thenRejects('ROLE_NOT_PERMITTED', { kind: 'FORBIDDEN' });
  });

  it('needs a proposal, dated no earlier than it, and a known partner', () => {
    given([]).when(validate()).thenRejects('PRIORITY_OCCUPATION_NOT_FOUND', { kind: 'NOT_FOUND' });
    given([proposed]).when(validate({ validatedOn: '2013-01-01' })).thenRejects('EFFECTIVE_DATE_BEFORE_LAST_CHANGE', { field: 'validatedOn' });
    given([proposed]).when(validate({ partner: 'GOVERNMENT' as 'EMPLOYERS' })).thenRejects('INVALID_SOCIAL_PARTNER', { field: 'partner' });
  });
});
