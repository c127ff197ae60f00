import { foldTimeline } from '../../shared/fold-timeline';
import { EventLog } from '../../testing/event-log';
import { nationalFrameworkStream } from '../../streams';
import { skills } from '../testing/events';
import { endorsedReferencingAt, evolveNationalFrameworkTimeline, levelsAt, referencingStatusAt, type NationalFrameworkTimeline } from './timeline';

const RAISED = [
  { nqfLevel: 1, aqrfLevel: 1 },
  { nqfLevel: 2, aqrfLevel: 2 },
  { nqfLevel: 3, aqrfLevel: 4 },
  { nqfLevel: 4, aqrfLevel: 5 },
];

describe('the history of a referencing', () => {
  const log = new EventLog();
  log.record(
    skills.frameworkRegistered('KH'),
    skills.referencingStarted('KH', '2014-03-01'),
    skills.referencingSubmitted('KH', 1, '2014-09-01'),
    skills.referencingEndorsed('KH', 1, '2015-05-01'),
    skills.referencingAmended('KH', 2, '2017-02-01', RAISED),
    skills.referencingSubmitted('KH', 2, '2017-03-01'),
    skills.referencingEndorsed('KH', 2, '2017-06-01'),
  );
  const stream = nationalFrameworkStream('KH');
  const timeline = foldTimeline<NationalFrameworkTimeline>(evolveNationalFrameworkTimeline, log.inStream(stream))!;

  it('keeps every version with its dated steps', () => {
    expect(timeline.versions.map((version) => [version.version, version.steps.map((step) => `${step.status} ${step.on}`)])).toEqual([
      [1, ['IN_PROGRESS 2014-03-01', 'SUBMITTED 2014-09-01', 'ENDORSED 2015-05-01']],
      [2, ['IN_PROGRESS 2017-02-01', 'SUBMITTED 2017-03-01', 'ENDORSED 2017-06-01']],
    ]);
  });

  it('tells the status on any date', () => {
    expect(referencingStatusAt(timeline, '2014-01-01')).toBeNull();
    expect(referencingStatusAt(timeline, '2014-10-01')).toEqual({ version: 1, status: 'SUBMITTED', since: '2014-09-01' });
    expect(referencingStatusAt(timeline, '2017-02-15')).toEqual({ version: 2, status: 'IN_PROGRESS', since: '2017-02-01' });
  });

  it('keeps the endorsed version in force while its amendment is pending, and the re-endorsed one after', () => {
    expect(endorsedReferencingAt(timeline, '2015-04-30')).toBeNull();
    expect(endorsedReferencingAt(timeline, '2016-01-01')).toMatchObject({ version: 1, endorsedOn: '2015-05-01' });
    expect(endorsedReferencingAt(timeline, '2017-04-01')).toMatchObject({ version: 1 });
    expect(endorsedReferencingAt(timeline, '2017-06-01')).toMatchObject({ version: 2, references: RAISED });
    expect(endorsedReferencingAt(timeline, '2017-06-01')?.evidence).toEqual([
      log.ref(stream, 'AqrfReferencingAmended'),
      log.ref(stream, 'AqrfReferencingEndorsed', 1),
    ]);
  });

  it('ignores a replayed event', () => {
    const [first] = log.inStream(stream);
    expect(evolveNationalFrameworkTimeline(timeline, first.event, first.ref)).toBe(timeline);
  });
});

describe("the history of a framework's levels", () => {
  const log = new EventLog();
  const five = [...skills.frameworkRegistered('KH').data.levels, { level: 5, title: 'Diploma' }];
  log.record(skills.frameworkRegistered('KH'), {
    type: 'NationalFrameworkLevelsAmended',
    data: { country: 'KH', levels: five, amendedOn: '2018-01-01', reason: 'a diploma level added' },
  });
  const stream = nationalFrameworkStream('KH');
  const timeline = foldTimeline<NationalFrameworkTimeline>(evolveNationalFrameworkTimeline, log.inStream(stream))!;

  it('keeps every version of the levels, and gives those in effect on a date', () => {
    expect(timeline.levelHistory.map((version) => [version.from, version.levels.length, version.reason])).toEqual([
      [null, 4, null],
      ['2018-01-01', 5, 'a diploma level added'],
    ]);
    expect(levelsAt(timeline, '2017-12-31')).toHaveLength(4);
    expect(levelsAt(timeline, '2018-01-01')).toEqual(five);
  });
});
