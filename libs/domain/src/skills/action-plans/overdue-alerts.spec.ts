import type { DerivedFact } from '../../recognition-changes/derived-facts';
import type { RegistryEvent } from '../../registry-event';
import { addDays, type CalendarDate } from '../../shared/calendar-date';
import { EventLog } from '../../testing/event-log';
import { skills } from '../testing/events';
import { ActionPlanAlerts } from './overdue-alerts';

type Day = { on: CalendarDate; record: RegistryEvent[] };

/**
 * Given events recorded on their days, when the calendar is moved to a date (daily, or in one jump after
 * downtime), then the alerts derived, as `type itemId asOf trigger`.
 */
function given(days: Day[]) {
  const run = (to: CalendarDate, daily: boolean): DerivedFact[] => {
    const alerts = new ActionPlanAlerts();
    const log = new EventLog();
    const facts: DerivedFact[] = [];
    let today = days[0].on;
    for (const day of days) {
      while (daily && today < day.on) facts.push(...alerts.advanceTo((today = addDays(today, 1))));
      today = day.on;
      for (const event of day.record) facts.push(...alerts.record(event, log.record(event)[0], day.on));
    }
    while (daily && today < to) facts.push(...alerts.advanceTo((today = addDays(today, 1))));
    facts.push(...alerts.advanceTo(to));
    return facts;
  };
  const said = (facts: DerivedFact[]) => facts.map((fact) => `${fact.type} ${'itemId' in fact.data ? fact.data.itemId : ''} ${fact.data.asOf} ${'trigger' in fact.data ? fact.data.trigger : ''}`);
  return {
    whenTheCalendarReaches: (to: CalendarDate) => ({
      then: (expected: string[]) => {
        expect(said(run(to, true))).toEqual(expected);
        // The same facts, with the same ids and bodies, when the registry was down and catches up in one jump.
        expect(run(to, false)).toEqual(run(to, true));
      },
      facts: () => run(to, true),
    }),
  };
}

const adopted: Day = { on: '2026-01-02', record: [skills.planAdopted('KH', '2026-01-02', ['TH']), skills.itemAdded('KH', 'assessors', '2026-01-10')] };
const report = (on: CalendarDate, progress: 'IN_PROGRESS' | 'DONE', reportedOn = on): Day => ({ on, record: [skills.progressReported('KH', 'assessors', reportedOn, progress)] });

describe('alerts when an action-plan item becomes overdue, derived on dates', () => {
  it('says nothing on the due date itself, and the item is overdue the day after (the date boundary)', () => {
    given([adopted]).whenTheCalendarReaches('2026-01-10').then([]);
    given([adopted]).whenTheCalendarReaches('2026-01-11').then(['ActionPlanItemOverdue assessors 2026-01-11 CALENDAR']);
  });

  it('says nothing for an item reported done by its due date, or made on track by nothing but a DONE report', () => {
    given([adopted, report('2026-01-05', 'IN_PROGRESS'), report('2026-01-10', 'DONE')]).whenTheCalendarReaches('2026-03-01').then([]);
    given([adopted, report('2026-01-08', 'IN_PROGRESS')]).whenTheCalendarReaches('2026-03-01').then(['ActionPlanItemOverdue assessors 2026-01-11 CALENDAR']);
  });

  it('tells the end of it when an overdue item is reported done, so a watcher hears both', () => {
    const facts = given([adopted, report('2026-01-20', 'DONE')]).whenTheCalendarReaches('2026-03-01');
    facts.then(['ActionPlanItemOverdue assessors 2026-01-11 CALENDAR', 'ActionPlanItemOverdueCleared assessors 2026-01-20 EVENT']);
    expect(facts.facts()).toEqual([
      expect.objectContaining({ id: 'overdue:KH:assessors', data: expect.objectContaining({ country: 'KH', dueOn: '2026-01-10', cause: expect.objectContaining({ type: 'ActionPlanItemAdded' }) }) }),
      expect.objectContaining({ id: 'overdue-cleared:KH:assessors', data: expect.objectContaining({ doneOn: '2026-01-20', cause: expect.objectContaining({ type: 'ActionPlanProgressReported' }) }) }),
    ]);
  });

  it('clears on the date of a DONE report recorded ahead of it, and on the day a late report is recorded even if dated back', () => {
    given([adopted, report('2026-01-15', 'DONE', '2026-01-25')]).whenTheCalendarReaches('2026-03-01').then([
      'ActionPlanItemOverdue assessors 2026-01-11 CALENDAR',
      'ActionPlanItemOverdueCleared assessors 2026-01-25 CALENDAR',
    ]);
    const backdated = given([adopted, report('2026-01-15', 'DONE', '2026-01-09')]).whenTheCalendarReaches('2026-03-01');
    backdated.then(['ActionPlanItemOverdue assessors 2026-01-11 CALENDAR', 'ActionPlanItemOverdueCleared assessors 2026-01-15 EVENT']);
    expect(backdated.facts()[1].data).toMatchObject({ doneOn: '2026-01-09' });
  });

  it('tells at once of an item added with its due date already past', () => {
    const late: Day = { on: '2026-02-01', record: [skills.itemAdded('KH', 'reference', '2026-01-31')] };
    given([adopted, late]).whenTheCalendarReaches('2026-02-01').then(['ActionPlanItemOverdue assessors 2026-01-11 CALENDAR', 'ActionPlanItemOverdue reference 2026-02-01 EVENT']);
  });

  it('neither raises nor clears an alert when the targets are amended, and names the targets in force on the day', () => {
    const amended: Day = {
      on: '2026-01-05',
      record: [{ type: 'ActionPlanTargetsAmended', data: { country: 'KH', targetCountries: ['TH', 'LA'], amendedOn: '2026-01-12', reason: 'Lao PDR joins' } }],
    };
    const facts = given([adopted, amended]).whenTheCalendarReaches('2026-03-01');
    facts.then(['ActionPlanItemOverdue assessors 2026-01-11 CALENDAR']);
    expect(facts.facts()[0].data).toMatchObject({ targetCountries: ['TH'] });
  });

  it("keeps each country's items apart", () => {
    const la: Day = { on: '2026-01-03', record: [skills.planAdopted('LA', '2026-01-03'), skills.itemAdded('LA', 'assessors', '2026-01-10')] };
    const facts = given([adopted, la]).whenTheCalendarReaches('2026-01-11').facts();
    expect(facts.map((fact) => fact.id)).toEqual(['overdue:KH:assessors', 'overdue:LA:assessors']);
  });
});
