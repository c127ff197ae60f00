import { foldTimeline } from '../../shared/fold-timeline';
import { actionPlanStream } from '../../streams';
import { EventLog } from '../../testing/event-log';
import { skills } from '../testing/events';
import { monitorActionPlan, monitorRegion, overdueItemsAt } from './monitoring';
import { evolveActionPlanTimeline, targetsAt, type ActionPlanTimeline } from './timeline';

function plan(country: string, ...events: Parameters<EventLog['record']>): ActionPlanTimeline {
  const log = new EventLog();
  log.record(skills.planAdopted(country, '2015-08-11'), ...events);
  return foldTimeline<ActionPlanTimeline>(evolveActionPlanTimeline, log.inStream(actionPlanStream(country)))!;
}

const statuses = (timeline: ActionPlanTimeline, asOf: string) =>
  Object.fromEntries(monitorActionPlan(timeline, asOf).items.map((item) => [item.item.itemId, item.status]));

describe('monitoring an action plan, computed on dates', () => {
  const kh = plan(
    'KH',
    skills.itemAdded('KH', 'assessors', '2016-06-30'),
    skills.itemAdded('KH', 'reference', '2015-12-31'),
    skills.progressReported('KH', 'assessors', '2016-03-01', 'IN_PROGRESS'),
    skills.progressReported('KH', 'reference', '2016-02-15', 'DONE'),
  );

  it('is on track up to and including the due date, and overdue the day after', () => {
    expect(statuses(kh, '2015-12-31')).toEqual({ assessors: 'ON_TRACK', reference: 'ON_TRACK' });
    expect(statuses(kh, '2016-01-01')).toEqual({ assessors: 'ON_TRACK', reference: 'OVERDUE' });
    expect(statuses(kh, '2016-07-01')).toEqual({ assessors: 'OVERDUE', reference: 'DONE' });
  });

  it('counts a DONE report only from its date, and says when it was done late', () => {
    const reference = monitorActionPlan(kh, '2016-02-15').items.find((item) => item.item.itemId === 'reference')!;
    expect(reference).toMatchObject({ status: 'DONE', doneOn: '2016-02-15', late: true });
    expect(statuses(kh, '2016-02-14').reference).toBe('OVERDUE');
  });

  it('is not made on track by a progress report: only done or the due date matter', () => {
    expect(monitorActionPlan(kh, '2016-07-01').items[0]).toMatchObject({ status: 'OVERDUE', lastReport: { progress: 'IN_PROGRESS' } });
  });

  it('adds up per country and for the region', () => {
    const la = plan('LA', skills.itemAdded('LA', 'skills', '2016-12-31'));
    const region = monitorRegion([la, kh], '2016-07-01');
    expect(region.countries.map((country) => [country.plan.country, country.counts])).toEqual([
      ['KH', { done: 1, onTrack: 0, overdue: 1 }],
      ['LA', { done: 0, onTrack: 1, overdue: 0 }],
    ]);
    expect(region.counts).toEqual({ done: 1, onTrack: 1, overdue: 1 });
  });
});

describe("an action plan's targets over time", () => {
  const kh = plan('KH', {
    type: 'ActionPlanTargetsAmended',
    data: { country: 'KH', targetCountries: ['TH', 'LA'], amendedOn: '2017-01-10', reason: 'Lao PDR joins as a target' },
  });

  it('are those adopted until amended, and the amendment from its date', () => {
    expect(targetsAt(kh, '2015-08-10')).toEqual([]);
    expect(targetsAt(kh, '2017-01-09')).toEqual(['TH']);
    expect(targetsAt(kh, '2017-01-10')).toEqual(['TH', 'LA']);
    expect(kh.targetHistory.map((version) => version.reason)).toEqual([null, 'Lao PDR joins as a target']);
  });
});

describe('the items overdue at an instant', () => {
  const kh = plan('KH', skills.itemAdded('KH', 'assessors', '2016-06-30'), skills.itemAdded('KH', 'reference', '2015-12-31'), skills.progressReported('KH', 'reference', '2016-02-15', 'DONE'));
  const overdue = (asOf: string) => overdueItemsAt(kh, asOf).map((item) => item.item.itemId);

  it('are those past their due date (not on it) with no DONE report dated by then', () => {
    expect(overdue('2015-12-31')).toEqual([]);
    expect(overdue('2016-01-01')).toEqual(['reference']);
    expect(overdue('2016-02-15')).toEqual([]);
    expect(overdue('2016-07-01')).toEqual(['assessors']);
  });
});
