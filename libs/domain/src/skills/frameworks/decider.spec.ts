import { accreditationBody, certificationBody, skillsFocalPoint } from '../../testing/actors';
import { deciderSpecification } from '../../testing/decider-specification';
import { ONE_TO_ONE, skills } from '../testing/events';
import type { NationalFrameworkCommand } from './commands';
import { nationalFrameworkAggregate } from './declaration';

// The declared aggregate's decider: the sender's role is checked before the rules, as the registry runs it.
const given = deciderSpecification(nationalFrameworkAggregate.decider);
const kh = skillsFocalPoint('KH');
const RAISED = [
  { nqfLevel: 1, aqrfLevel: 1 },
  { nqfLevel: 2, aqrfLevel: 2 },
  { nqfLevel: 3, aqrfLevel: 4 },
  { nqfLevel: 4, aqrfLevel: 5 },
];

const command = {
  register: (data: Partial<{ country: string; title: string; levels: { level: number; title: string }[] }> = {}, actor = kh): NationalFrameworkCommand => ({
    type: 'RegisterNationalFramework',
    data: { country: 'KH', title: 'Cambodia Qualifications Framework', levels: skills.frameworkRegistered('KH').data.levels, ...data },
    actor,
  }),
  start: (startedOn = '2014-03-01', references = ONE_TO_ONE, actor = kh): NationalFrameworkCommand => ({
    type: 'StartAqrfReferencing',
    data: { country: 'KH', references, startedOn },
    actor,
  }),
  amend: (amendedOn: string, references = RAISED, reason = 'levels 3 and 4 re-described'): NationalFrameworkCommand => ({
    type: 'AmendAqrfReferencing',
    data: { country: 'KH', references, amendedOn, reason },
    actor: kh,
  }),
  submit: (submittedOn: string, actor = kh): NationalFrameworkCommand => ({ type: 'SubmitAqrfReferencing', data: { country: 'KH', submittedOn }, actor }),
  endorse: (endorsedOn: string, actor = accreditationBody): NationalFrameworkCommand => ({
    type: 'EndorseAqrfReferencing',
    data: { country: 'KH', endorsedOn },
    actor,
  }),
};

const registered = skills.frameworkRegistered('KH');
const endorsedV1 = [
  registered,
  skills.referencingStarted('KH', '2014-03-01'),
  skills.referencingSubmitted('KH', 1, '2014-09-01'),
  skills.referencingEndorsed('KH', 1, '2015-05-01'),
];

describe('a national qualifications framework', () => {
  it('is registered by its own country\'s skills focal point, with its levels in order', () => {
    given([])
      .when(command.register({ levels: [{ level: 2, title: 'II' }, { level: 1, title: 'I' }] }))
      .then([{ type: 'NationalFrameworkRegistered', data: { country: 'KH', title: 'Cambodia Qualifications Framework', levels: [{ level: 1, title: 'I' }, { level: 2, title: 'II' }] } }]);
  });

  it('is refused to another country\'s focal point, to a country outside ASEAN, twice, or with a level named twice', () => {
    given([]).when(command.register({}, skillsFocalPoint('LA'))).thenRejects('NOT_OWN_COUNTRY', { kind: 'FORBIDDEN' });
    given([]).when(command.register({ country: 'JP' }, skillsFocalPoint('JP'))).thenRejects('NOT_ASEAN_MEMBER_STATE', { field: 'country' });
    given([registered]).when(command.register()).thenRejects('NATIONAL_FRAMEWORK_ALREADY_REGISTERED', { kind: 'CONFLICT' });
    given([]).when(command.register({ levels: [{ level: 1, title: 'I' }, { level: 1, title: 'again' }] })).thenRejects('DUPLICATE_NQF_LEVEL');
    given([]).when(command.register({ levels: [] })).thenRejects('FRAMEWORK_LEVELS_EMPTY');
  });

  it('is not for certification bodies', () => {
    given([]).when(command.register({}, certificationBody('KH-CB'))).thenRejects('ROLE_NOT_PERMITTED', { kind: 'FORBIDDEN' });
  });
});

describe('referencing a framework to the AQRF', () => {
  it('starts in progress as version 1, each NQF level at one AQRF level', () => {
    given([registered]).when(command.start()).then([skills.referencingStarted('KH', '2014-03-01')]);
  });

  it('refuses a level the framework does not have, an AQRF level outside 1-8, or a framework not on record', () => {
    given([registered]).when(command.start('2014-03-01', [{ nqfLevel: 5, aqrfLevel: 5 }])).thenRejects('NQF_LEVEL_UNKNOWN');
    given([registered]).when(command.start('2014-03-01', [{ nqfLevel: 1, aqrfLevel: 9 }])).thenRejects('INVALID_AQRF_LEVEL', { field: 'references.0.aqrfLevel' });
    given([]).when(command.start()).thenRejects('NATIONAL_FRAMEWORK_NOT_FOUND', { kind: 'NOT_FOUND' });
  });

  it('goes in progress → submitted → endorsed, each step dated no earlier than the last', () => {
    const started = [registered, skills.referencingStarted('KH', '2014-03-01')];
    given(started).when(command.submit('2014-09-01')).then([skills.referencingSubmitted('KH', 1, '2014-09-01')]);
    given(started).when(command.submit('2014-01-01')).thenRejects('EFFECTIVE_DATE_BEFORE_LAST_CHANGE', { field: 'submittedOn' });
    given([...started, skills.referencingSubmitted('KH', 1, '2014-09-01')])
      .when(command.endorse('2015-05-01'))
      .then([skills.referencingEndorsed('KH', 1, '2015-05-01')]);
  });

  it('is endorsed only once submitted, and only by the accreditation body, never by the country itself', () => {
    const started = [registered, skills.referencingStarted('KH', '2014-03-01')];
    given(started).when(command.endorse('2015-05-01')).thenRejects('REFERENCING_NOT_SUBMITTED');
    given([...started, skills.referencingSubmitted('KH', 1, '2014-09-01')]).when(command.endorse('2015-05-01', kh)).thenRejects('ROLE_NOT_PERMITTED', {
      kind: 'FORBIDDEN',
    });
  });

  it('is amended as a new version in progress, with its reason; the amendment is submitted and re-endorsed in turn', () => {
    given(endorsedV1).when(command.amend('2017-02-01')).then([skills.referencingAmended('KH', 2, '2017-02-01', RAISED)]);
    const amended = [...endorsedV1, skills.referencingAmended('KH', 2, '2017-02-01', RAISED)];
    given(amended).when(command.endorse('2017-06-01')).thenRejects('REFERENCING_NOT_SUBMITTED');
    given([...amended, skills.referencingSubmitted('KH', 2, '2017-03-01')])
      .when(command.endorse('2017-06-01'))
      .then([skills.referencingEndorsed('KH', 2, '2017-06-01')]);
  });

  it('refuses an amendment without a reason, dated before the last step, or before any referencing', () => {
    given(endorsedV1).when(command.amend('2017-02-01', RAISED, ' ')).thenRejects('FIELD_REQUIRED', { field: 'reason' });
    given(endorsedV1).when(command.amend('2015-01-01')).thenRejects('EFFECTIVE_DATE_BEFORE_LAST_CHANGE', { field: 'amendedOn' });
    given([registered]).when(command.amend('2017-02-01')).thenRejects('REFERENCING_NOT_STARTED');
  });

  it('cannot be started twice: a second referencing is an amendment', () => {
    given(endorsedV1).when(command.start('2016-01-01')).thenRejects('REFERENCING_ALREADY_STARTED', { kind: 'CONFLICT' });
  });
});

describe("amending a framework's levels", () => {
  const FIVE_LEVELS = [...skills.frameworkRegistered('KH').data.levels, { level: 5, title: 'Diploma' }];
  const WITH_FIVE = [...ONE_TO_ONE, { nqfLevel: 5, aqrfLevel: 5 }];
  const amendLevels = (amendedOn: string, references: { nqfLevel: number; aqrfLevel: number }[] | null = null, levels = FIVE_LEVELS, actor = kh): NationalFrameworkCommand => ({
    type: 'AmendNationalFrameworkLevels',
    data: { country: 'KH', levels, references, amendedOn, reason: 'a diploma level added' },
    actor,
  });
  const levelsAmended = (amendedOn: string) => ({
    type: 'NationalFrameworkLevelsAmended' as const,
    data: { country: 'KH', levels: FIVE_LEVELS, amendedOn, reason: 'a diploma level added' },
  });

  it('records the new levels of a framework not yet referenced', () => {
    given([registered]).when(amendLevels('2014-01-01')).then([levelsAmended('2014-01-01')]);
  });

  it('on a referenced framework, amends the referencing too: a new version in progress, to be submitted and endorsed again', () => {
    const amended = { ...skills.referencingAmended('KH', 2, '2017-02-01', WITH_FIVE), data: { ...skills.referencingAmended('KH', 2, '2017-02-01', WITH_FIVE).data, reason: 'a diploma level added' } };
    given(endorsedV1).when(amendLevels('2017-02-01', WITH_FIVE)).then([levelsAmended('2017-02-01'), amended]);
    const after = [...endorsedV1, levelsAmended('2017-02-01'), amended];
    given(after).when(command.endorse('2017-06-01')).thenRejects('REFERENCING_NOT_SUBMITTED');
    given([...after, skills.referencingSubmitted('KH', 2, '2017-03-01')]).when(command.endorse('2017-06-01')).then([skills.referencingEndorsed('KH', 2, '2017-06-01')]);
  });

  it('refuses to change a referenced framework\'s levels without the references of the new levels', () => {
    given(endorsedV1).when(amendLevels('2017-02-01')).thenRejects('REFERENCES_REQUIRED', { field: 'references' });
    given(endorsedV1).when(amendLevels('2017-02-01', [{ nqfLevel: 6, aqrfLevel: 6 }])).thenRejects('NQF_LEVEL_UNKNOWN');
  });

  it('refuses references on a framework whose referencing has not begun, a date before the last change, bad levels, another country', () => {
    given([registered]).when(amendLevels('2014-01-01', WITH_FIVE)).thenRejects('REFERENCING_NOT_STARTED', { field: 'references' });
    given(endorsedV1).when(amendLevels('2015-01-01', WITH_FIVE)).thenRejects('EFFECTIVE_DATE_BEFORE_LAST_CHANGE', { field: 'amendedOn' });
    given([registered]).when(amendLevels('2014-01-01', null, [])).thenRejects('FRAMEWORK_LEVELS_EMPTY');
    given([registered]).when(amendLevels('2014-01-01', null, FIVE_LEVELS, skillsFocalPoint('LA'))).thenRejects('NOT_OWN_COUNTRY', { kind: 'FORBIDDEN' });
    given([]).when(amendLevels('2014-01-01')).thenRejects('NATIONAL_FRAMEWORK_NOT_FOUND', { kind: 'NOT_FOUND' });
  });
});
