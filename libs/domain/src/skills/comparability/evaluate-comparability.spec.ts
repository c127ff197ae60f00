import { foldTimeline } from '../../shared/fold-timeline';
import {
  nationalFrameworkStream,
  nationalQualificationStream,
  priorityOccupationStream,
  schemeLinkStream,
  schemeStream,
} from '../../streams';
import { EventLog } from '../../testing/event-log';
import { accredited, issued, schemeRegistered } from '../../testing/events';
import { evolveSchemeTimeline, type SchemeTimeline } from '../../schemes/timeline';
import { evolveNationalFrameworkTimeline, type NationalFrameworkTimeline } from '../frameworks/timeline';
import { evolvePriorityOccupationTimeline, type PriorityOccupationTimeline } from '../priority-occupations/timeline';
import { evolveNationalQualificationTimeline, type NationalQualificationTimeline } from '../qualifications/timeline';
import { evolveSchemeLinkTimeline, type SchemeLinkTimeline } from '../scheme-links/timeline';
import { skills } from '../testing/events';
import { evaluateComparability, type ComparabilityInput } from './evaluate-comparability';

const VQ = 'VQ-COOK-2';
const CERT = 'KH-COOK-0001';
/** Thailand's framework places its level 3 at AQRF 2, so a Cambodian level 2 sits at Thai level 3. */
const TH_REFERENCES = [
  { nqfLevel: 1, aqrfLevel: 1 },
  { nqfLevel: 2, aqrfLevel: 1 },
  { nqfLevel: 3, aqrfLevel: 2 },
  { nqfLevel: 4, aqrfLevel: 3 },
];

function world(...extra: Parameters<EventLog['record']>) {
  const log = new EventLog();
  log.record(
    skills.frameworkRegistered('KH'),
    skills.referencingStarted('KH', '2014-03-01'),
    skills.referencingSubmitted('KH', 1, '2014-09-01'),
    skills.referencingEndorsed('KH', 1, '2015-05-01'),
    skills.frameworkRegistered('TH'),
    skills.referencingStarted('TH', '2014-01-01', TH_REFERENCES),
    skills.referencingSubmitted('TH', 1, '2014-06-01'),
    skills.referencingEndorsed('TH', 1, '2015-03-01'),
    skills.qualificationRegistered('KH-NQ-COOK-2', 'KH', 2),
    skills.priorityProposed('KH', 'COOK', '2013-10-01'),
    skills.priorityValidated('KH', 'COOK', 'EMPLOYERS', '2014-09-24'),
    skills.priorityValidated('KH', 'COOK', 'WORKERS', '2014-09-24'),
    skills.priorityProposed('TH', 'COOK', '2013-10-01'),
    skills.priorityValidated('TH', 'COOK', 'EMPLOYERS', '2014-09-24'),
    skills.priorityValidated('TH', 'COOK', 'WORKERS', '2014-09-25'),
    ...extra,
  );
  const fold = <T>(evolve: Parameters<typeof foldTimeline<T>>[0], stream: string): T | null => foldTimeline<T>(evolve, log.inStream(stream));
  const input = (ask: { qualificationId?: string; certificateNumber?: string }): ComparabilityInput => ({
    qualificationId: ask.qualificationId ?? null,
    certificateNumber: ask.certificateNumber ?? null,
    certificate: ask.certificateNumber ? log.certificate(ask.certificateNumber) : null,
    issuingBody: log.body('kh-nea'),
    scheme: fold<SchemeTimeline>(evolveSchemeTimeline, schemeStream(VQ)),
    schemeLink: fold<SchemeLinkTimeline>(evolveSchemeLinkTimeline, schemeLinkStream(VQ)),
    qualifications: [fold<NationalQualificationTimeline>(evolveNationalQualificationTimeline, nationalQualificationStream('KH-NQ-COOK-2'))!],
    frameworks: ['KH', 'TH'].map((country) => fold<NationalFrameworkTimeline>(evolveNationalFrameworkTimeline, nationalFrameworkStream(country))!),
    priorities: ['KH', 'TH'].map((country) => fold<PriorityOccupationTimeline>(evolvePriorityOccupationTimeline, priorityOccupationStream(country, 'COOK'))!),
  });
  return { log, input };
}

describe('comparability of a national qualification in another member state', () => {
  it('places it at the host level(s) at the same AQRF level, through both endorsed referencings, with the records', () => {
    const { log, input } = world();
    const answer = evaluateComparability(input({ qualificationId: 'KH-NQ-COOK-2' }), 'th', '2016-01-01');
    expect(answer).toMatchObject({
      kind: 'COMPARABILITY',
      country: 'TH',
      homeCountry: 'KH',
      homeNqfLevel: 2,
      aqrfLevel: 2,
      hostNqfLevels: [3],
      comparable: true,
      priorityInBoth: true,
      reasons: [],
    });
    expect(answer.notice).toMatch(/not recognition/);
    expect(answer.evidence).toEqual(
      expect.arrayContaining([
        log.ref(nationalQualificationStream('KH-NQ-COOK-2'), 'NationalQualificationRegistered'),
        log.ref(nationalFrameworkStream('KH'), 'AqrfReferencingEndorsed'),
        log.ref(nationalFrameworkStream('TH'), 'AqrfReferencingEndorsed'),
        log.ref(priorityOccupationStream('TH', 'COOK'), 'PriorityOccupationValidated', 1),
      ]),
    );
  });

  it('is refused before the home referencing is endorsed, with the reason and where the referencing stood', () => {
    const { log, input } = world();
    const answer = evaluateComparability(input({ qualificationId: 'KH-NQ-COOK-2' }), 'TH', '2015-04-30');
    expect(answer.comparable).toBe(false);
    expect(answer.hostNqfLevels).toEqual([]);
    expect(answer.reasons).toEqual([
      { code: 'HOME_REFERENCING_NOT_ENDORSED', message: "KH's referencing to the AQRF (version 1) is SUBMITTED since 2014-09-01, not endorsed, on 2015-04-30" },
    ]);
    expect(answer.evidence).toContainEqual(log.ref(nationalFrameworkStream('KH'), 'AqrfReferencingSubmitted'));
  });

  it('is refused before the host referencing is endorsed', () => {
    const { input } = world();
    const answer = evaluateComparability(input({ qualificationId: 'KH-NQ-COOK-2' }), 'TH', '2015-01-01');
    expect(answer.reasons.map((reason) => reason.code)).toEqual(['HOME_REFERENCING_NOT_ENDORSED', 'HOST_REFERENCING_NOT_ENDORSED']);
  });

  it('answers with the endorsed version while an amendment is pending, and with the amendment once re-endorsed', () => {
    const raised = [1, 2, 3, 4].map((level) => ({ nqfLevel: level, aqrfLevel: Math.min(level + 1, 4) }));
    const { input } = world(
      skills.referencingAmended('KH', 2, '2017-02-01', raised),
      skills.referencingSubmitted('KH', 2, '2017-03-01'),
      skills.referencingEndorsed('KH', 2, '2017-06-01'),
    );
    expect(evaluateComparability(input({ qualificationId: 'KH-NQ-COOK-2' }), 'TH', '2017-04-01')).toMatchObject({ aqrfLevel: 2, hostNqfLevels: [3] });
    expect(evaluateComparability(input({ qualificationId: 'KH-NQ-COOK-2' }), 'TH', '2017-06-01')).toMatchObject({ aqrfLevel: 3, hostNqfLevels: [4] });
  });

  it('stays comparable but says so when the occupation is not a validated priority in the host country', () => {
    const { input } = world();
    const asked = input({ qualificationId: 'KH-NQ-COOK-2' });
    const answer = evaluateComparability({ ...asked, priorities: asked.priorities.filter((p) => p.country === 'KH') }, 'TH', '2016-01-01');
    expect(answer).toMatchObject({ comparable: true, priorityInBoth: false });
    expect(answer.reasons.map((reason) => reason.code)).toEqual(['NOT_PRIORITY_IN_HOST']);
  });

  it('names a qualification that is not on record', () => {
    const { input } = world();
    expect(evaluateComparability(input({ qualificationId: 'NOPE' }), 'TH', '2016-01-01').reasons.map((r) => r.code)).toEqual(['QUALIFICATION_NOT_FOUND']);
  });
});

describe('comparability of a certificate, through its scheme', () => {
  const certified = [
    schemeRegistered(VQ, 'Commis cook'),
    accredited('kh-nea', 'KH', [VQ], '2015-01-01', '2030-12-31'),
    issued(CERT, 'kh-nea', VQ, '2016-01-01', '2019-12-31'),
  ];

  it('follows the scheme\'s link to the national qualification', () => {
    const { input } = world(...certified, skills.schemeLinked(VQ, '2015-06-01', { qualificationId: 'KH-NQ-COOK-2' }));
    expect(evaluateComparability(input({ certificateNumber: CERT }), 'TH', '2016-02-01')).toMatchObject({
      certificateNumber: CERT,
      homeCountry: 'KH',
      hostNqfLevels: [3],
      comparable: true,
    });
  });

  it('follows a link directly to an AQRF level, from the issuing body\'s country', () => {
    const { input } = world(...certified, skills.schemeLinked(VQ, '2015-06-01', { aqrfLevel: 3 }));
    expect(evaluateComparability(input({ certificateNumber: CERT }), 'TH', '2016-02-01')).toMatchObject({
      homeCountry: 'KH',
      homeNqfLevel: null,
      aqrfLevel: 3,
      hostNqfLevels: [4],
      comparable: true,
    });
  });

  it('says when the scheme is linked to nothing on the date', () => {
    const { input } = world(...certified, skills.schemeLinked(VQ, '2017-01-01', { aqrfLevel: 3 }));
    expect(evaluateComparability(input({ certificateNumber: CERT }), 'TH', '2016-02-01').reasons.map((r) => r.code)).toEqual(['SCHEME_NOT_LINKED']);
  });
});
