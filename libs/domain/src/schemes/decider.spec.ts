import { accreditationBody, auditor, certificationBody } from '../testing/actors';
import { deciderSpecification } from '../testing/decider-specification';
import { PS, schemeRegistered } from '../testing/events';
import type { RegisterScheme } from './commands';
import { schemeAggregate } from './declaration';

// The declared aggregate's decider: the sender's role is checked before the rules, as the registry runs it.
const given = deciderSpecification(schemeAggregate.decider);

function register(data: Partial<RegisterScheme['data']> = {}, actor = accreditationBody): RegisterScheme {
  return { type: 'RegisterScheme', data: { code: PS, title: 'Productivity Specialist', ...data }, actor };
}

describe('registering a scheme', () => {
  it('records a new scheme, with absent optional fields as null', () => {
    given([]).when(register()).then([
      {
        type: 'SchemeRegistered',
        data: { code: PS, title: 'Productivity Specialist', sector: null, occupation: null, qualificationLevel: null },
      },
    ]);
  });

  it('records a vocational scheme with its sector, occupation and AQRF level', () => {
    given([])
      .when(register({ code: 'VQ-TOUR-4', title: 'Tour guiding', sector: 'Tourism', occupation: 'Tour guide', qualificationLevel: 4 }))
      .then([
        {
          type: 'SchemeRegistered',
          data: { code: 'VQ-TOUR-4', title: 'Tour guiding', sector: 'Tourism', occupation: 'Tour guide', qualificationLevel: 4 },
        },
      ]);
  });

  it('refuses a code that is already registered', () => {
    given([schemeRegistered(PS)]).when(register()).thenRejects('SCHEME_CODE_TAKEN', { kind: 'CONFLICT', field: 'code' });
  });

  it.each([0, 9, 2.5, -1])('refuses AQRF level %p, which is not a level from 1 to 8', (qualificationLevel) => {
    given([]).when(register({ qualificationLevel })).thenRejects('INVALID_QUALIFICATION_LEVEL', { field: 'qualificationLevel' });
  });

  it.each([1, 8])('accepts AQRF level %p at the ends of the framework', (qualificationLevel) => {
    given([])
      .when(register({ qualificationLevel }))
      .then([expect.objectContaining({ data: expect.objectContaining({ qualificationLevel }) })]);
  });

  it('requires a code and a title', () => {
    given([]).when(register({ code: ' ' })).thenRejects('FIELD_REQUIRED', { field: 'code' });
    given([]).when(register({ title: '' })).thenRejects('FIELD_REQUIRED', { field: 'title' });
  });

  it('is for the accreditation body only', () => {
    given([]).when(register({}, certificationBody('TH-CB'))).thenRejects('ROLE_NOT_PERMITTED', { kind: 'FORBIDDEN' });
    given([]).when(register({}, auditor)).thenRejects('ROLE_NOT_PERMITTED', { kind: 'FORBIDDEN' });
  });
});
