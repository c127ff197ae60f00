import { foldTimeline } from '../../shared/fold-timeline';
import { priorityOccupationStream } from '../../streams';
import { EventLog } from '../../testing/event-log';
import { skills } from '../testing/events';
import { evolvePriorityOccupationTimeline, priorityStandingAt, type PriorityOccupationTimeline } from './timeline';

function standing(...events: Parameters<EventLog['record']>) {
  const log = new EventLog();
  log.record(skills.priorityProposed('KH', 'COOK', '2013-10-01'), ...events);
  const timeline = foldTimeline<PriorityOccupationTimeline>(evolvePriorityOccupationTimeline, log.inStream(priorityOccupationStream('KH', 'COOK')))!;
  return (asOf: string) => priorityStandingAt(timeline, asOf);
}

describe('tripartite validation of a priority occupation', () => {
  it('is validated once the government proposed it and both the employers and the workers validated it', () => {
    const on = standing(skills.priorityValidated('KH', 'COOK', 'EMPLOYERS', '2014-09-24'), skills.priorityValidated('KH', 'COOK', 'WORKERS', '2014-09-25'));
    expect(on('2014-09-25')).toMatchObject({ status: 'VALIDATED', missingPartners: [] });
    expect(on('2014-09-25').evidence).toHaveLength(3);
  });

  it('is not validated while one partner is missing, and says which', () => {
    const on = standing(skills.priorityValidated('KH', 'COOK', 'EMPLOYERS', '2014-09-24'));
    expect(on('2020-01-01')).toMatchObject({ status: 'AWAITING_VALIDATION', missingPartners: ['WORKERS'] });
    const onlyWorkers = standing(skills.priorityValidated('KH', 'COOK', 'WORKERS', '2014-09-24'));
    expect(onlyWorkers('2020-01-01')).toMatchObject({ status: 'AWAITING_VALIDATION', missingPartners: ['EMPLOYERS'] });
  });

  it('is judged on the date: before the second validation it still awaits it', () => {
    const on = standing(skills.priorityValidated('KH', 'COOK', 'EMPLOYERS', '2014-09-24'), skills.priorityValidated('KH', 'COOK', 'WORKERS', '2014-09-25'));
    expect(on('2014-09-24').status).toBe('AWAITING_VALIDATION');
    expect(on('2013-09-30').status).toBe('NOT_PROPOSED');
  });

  it('is not validated when a partner declines, until that partner validates it later', () => {
    const on = standing(
      skills.priorityValidated('KH', 'COOK', 'EMPLOYERS', '2014-09-24'),
      skills.priorityValidated('KH', 'COOK', 'WORKERS', '2014-09-25', 'NOT_VALIDATED'),
      skills.priorityValidated('KH', 'COOK', 'WORKERS', '2015-08-10'),
    );
    expect(on('2015-01-01').status).toBe('NOT_VALIDATED');
    expect(on('2015-08-10').status).toBe('VALIDATED');
  });
});
