import { toEventRef, type RegistryEvent } from '@registry/domain';
import { streamOf } from '../testing/registry-events';
import { nationalQualificationsProjection, priorityOccupationsProjection } from './skills.projections';

function fold<Doc>(projection: { evolve(doc: Doc | null, event: RegistryEvent, ref: ReturnType<typeof toEventRef>): Doc | null }, events: RegistryEvent[]): Doc | null {
  return events.reduce<Doc | null>(
    (doc, event, revision) => projection.evolve(doc, event, toEventRef({ stream: streamOf(event), revision, position: 100 + revision, type: event.type })),
    null,
  );
}

describe('the skills projections', () => {
  it('find a priority occupation by country, and by country and occupation name whatever its case and spacing', () => {
    const priority = fold(priorityOccupationsProjection, [
      { type: 'PriorityOccupationProposed', data: { country: 'KH', code: 'COOK', sector: 'Tourism', occupation: '  Commis   Cook ', proposedOn: '2013-10-15' } },
    ]);
    expect(priority && priorityOccupationsProjection.keys?.(priority)).toEqual([
      ['country', 'KH'],
      ['occupation', 'KH:commis cook'],
    ]);
  });

  it('find national qualifications by country', () => {
    const qualification = fold(nationalQualificationsProjection, [
      {
        type: 'NationalQualificationRegistered',
        data: { id: 'KH-1', country: 'KH', title: 'Cook', occupation: 'Cook', sector: 'Tourism', nqfLevel: 2, awardingBody: 'NTB' },
      },
    ]);
    expect(qualification && nationalQualificationsProjection.keys?.(qualification)).toEqual([['country', 'KH']]);
  });
});
