import { foldTimeline } from '../../shared/fold-timeline';
import { evolveSchemeTimeline, type SchemeTimeline } from '../../schemes/timeline';
import { nationalQualificationStream, schemeStream } from '../../streams';
import { accreditationBody, skillsFocalPoint } from '../../testing/actors';
import { deciderSpecification } from '../../testing/decider-specification';
import { EventLog } from '../../testing/event-log';
import { schemeRegistered } from '../../testing/events';
import { evolveNationalQualificationTimeline, type NationalQualificationTimeline } from '../qualifications/timeline';
import { skills } from '../testing/events';
import type { LinkSchemeToQualification } from './commands';
import { schemeLinkAggregate } from './declaration';

const VQ = 'VQ-COOK-2';
// The declared aggregate's decider: the sender's role is checked before the rules, as the registry runs it.
const given = deciderSpecification(schemeLinkAggregate.decider);
const log = new EventLog();
log.record(schemeRegistered(VQ), skills.frameworkRegistered('KH'), skills.qualificationRegistered('KH-NQ-COOK-2', 'KH', 2));
const scheme = foldTimeline<SchemeTimeline>(evolveSchemeTimeline, log.inStream(schemeStream(VQ)));
const qualification = foldTimeline<NationalQualificationTimeline>(evolveNationalQualificationTimeline, log.inStream(nationalQualificationStream('KH-NQ-COOK-2')));

function link(data: Partial<LinkSchemeToQualification['data']> = {}, actor = accreditationBody, facts = { scheme, qualification }): LinkSchemeToQualification {
  return { type: 'LinkSchemeToQualification', data: { schemeCode: VQ, qualificationId: 'KH-NQ-COOK-2', aqrfLevel: null, linkedOn: '2015-06-01', ...data }, actor, facts };
}

describe('linking a scheme', () => {
  it('links it to a national qualification, or directly to an AQRF level', () => {
    given([]).when(link()).then([skills.schemeLinked(VQ, '2015-06-01', { qualificationId: 'KH-NQ-COOK-2' })]);
    given([])
      .when(link({ qualificationId: null, aqrfLevel: 3 }, accreditationBody, { scheme, qualification: null }))
      .then([skills.schemeLinked(VQ, '2015-06-01', { aqrfLevel: 3 })]);
  });

  it('names exactly one target that exists', () => {
    given([]).when(link({ aqrfLevel: 3 })).thenRejects('LINK_TARGET_REQUIRED');
    given([]).when(link({ qualificationId: null })).thenRejects('LINK_TARGET_REQUIRED');
    given([]).when(link({}, accreditationBody, { scheme, qualification: null })).thenRejects('QUALIFICATION_NOT_FOUND', { kind: 'NOT_FOUND' });
    given([]).when(link({}, accreditationBody, { scheme: null, qualification })).thenRejects('SCHEME_NOT_REGISTERED', { field: 'schemeCode' });
    given([]).when(link({ qualificationId: null, aqrfLevel: 9 })).thenRejects('INVALID_AQRF_LEVEL');
  });

  it('is re-linked from a later date, never backdated, and only by the accreditation body', () => {
    const linked = [skills.schemeLinked(VQ, '2015-06-01', { qualificationId: 'KH-NQ-COOK-2' })];
    given(linked).when(link({ linkedOn: '2015-01-01' })).thenRejects('EFFECTIVE_DATE_BEFORE_LAST_CHANGE');
    given([]).when(link({}, skillsFocalPoint('KH'))).thenRejects('ROLE_NOT_PERMITTED', { kind: 'FORBIDDEN' });
  });
});
