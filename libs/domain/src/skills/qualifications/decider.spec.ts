import { accreditationBody, skillsFocalPoint } from '../../testing/actors';
import { deciderSpecification } from '../../testing/decider-specification';
import { EventLog } from '../../testing/event-log';
import { foldTimeline } from '../../shared/fold-timeline';
import { nationalFrameworkStream } from '../../streams';
import { evolveNationalFrameworkTimeline, type NationalFrameworkTimeline } from '../frameworks/timeline';
import { skills } from '../testing/events';
import type { RegisterNationalQualification } from './commands';
import { nationalQualificationAggregate } from './declaration';

// The declared aggregate's decider: the sender's role is checked before the rules, as the registry runs it.
const given = deciderSpecification(nationalQualificationAggregate.decider);
const log = new EventLog();
log.record(skills.frameworkRegistered('KH'));
const framework = foldTimeline<NationalFrameworkTimeline>(evolveNationalFrameworkTimeline, log.inStream(nationalFrameworkStream('KH')));

function register(data: Partial<RegisterNationalQualification['data']> = {}, actor = skillsFocalPoint('KH'), facts = { framework }): RegisterNationalQualification {
  return {
    type: 'RegisterNationalQualification',
    data: { id: 'KH-NQ-COOK-2', country: 'KH', title: 'Cook, level 2', occupation: 'Cook', sector: 'Tourism', nqfLevel: 2, awardingBody: 'KH skills authority', ...data },
    actor,
    facts,
  };
}

describe('registering a national qualification', () => {
  it('records its title, occupation, sector, level and awarding body', () => {
    given([]).when(register()).then([skills.qualificationRegistered('KH-NQ-COOK-2', 'KH', 2)]);
  });

  it('needs the country\'s framework on record and one of its levels', () => {
    given([]).when(register({}, skillsFocalPoint('KH'), { framework: null })).thenRejects('NATIONAL_FRAMEWORK_NOT_FOUND', { kind: 'NOT_FOUND' });
    given([]).when(register({ nqfLevel: 7 })).thenRejects('NQF_LEVEL_UNKNOWN', { field: 'nqfLevel' });
  });

  it('is refused twice, to another country\'s focal point, and to the accreditation body', () => {
    given([skills.qualificationRegistered('KH-NQ-COOK-2', 'KH', 2)]).when(register()).thenRejects('QUALIFICATION_ID_TAKEN', { kind: 'CONFLICT' });
    given([]).when(register({}, skillsFocalPoint('TH'))).thenRejects('NOT_OWN_COUNTRY', { kind: 'FORBIDDEN' });
    given([]).when(register({}, accreditationBody)).thenRejects('ROLE_NOT_PERMITTED', { kind: 'FORBIDDEN' });
  });
});
