import { arrangementStream } from '../streams';
import { EventLog } from '../testing/event-log';
import { GPS, PS, arrangement, signed } from '../testing/events';
import {
  arrangementPartiesAt,
  arrangementSchemesAt,
  arrangementStatusAt,
  currentArrangementParties,
  currentArrangementSchemes,
  everParties,
  isPartyAt,
} from './standing';
import { evolveArrangementTimeline } from './timeline';

const ID = 'MRA-1';

function timelineOf(...events: Parameters<EventLog['record']>) {
  const log = new EventLog();
  log.record(signed(ID, ['TH-CB', 'MY-CB'], [PS], 'AUTOMATIC', '2024-04-01', '2027-12-31'), ...events);
  const timeline = log.arrangement(ID);
  if (!timeline) throw new Error('no timeline');
  return { log, timeline };
}

describe('the arrangement timeline', () => {
  it('answers the status on any date: not yet, in force, suspended, reinstated, terminated', () => {
    const { timeline } = timelineOf(
      arrangement.suspended(ID, '2025-01-01'),
      arrangement.reinstated(ID, '2025-03-01'),
      arrangement.terminated(ID, '2026-01-01'),
    );
    expect(arrangementStatusAt(timeline, '2024-03-31')).toBe('NOT_YET_IN_FORCE');
    expect(arrangementStatusAt(timeline, '2024-04-01')).toBe('IN_FORCE');
    expect(arrangementStatusAt(timeline, '2025-01-01')).toBe('SUSPENDED');
    expect(arrangementStatusAt(timeline, '2025-03-01')).toBe('IN_FORCE');
    expect(arrangementStatusAt(timeline, '2026-01-01')).toBe('TERMINATED');
  });

  it('is in force on its expiresOn date and expired the day after', () => {
    const { timeline } = timelineOf();
    expect(arrangementStatusAt(timeline, '2027-12-31')).toBe('IN_FORCE');
    expect(arrangementStatusAt(timeline, '2028-01-01')).toBe('EXPIRED');
  });

  it('answers the parties on any date as they are admitted and withdraw', () => {
    const { timeline } = timelineOf(arrangement.admitted(ID, 'VN-CB', '2024-09-01'), arrangement.partyWithdrawn(ID, 'MY-CB', '2025-05-01'));
    expect(arrangementPartiesAt(timeline, '2024-03-31')).toEqual([]);
    expect(arrangementPartiesAt(timeline, '2024-04-01')).toEqual(['TH-CB', 'MY-CB']);
    expect(arrangementPartiesAt(timeline, '2024-09-01')).toEqual(['TH-CB', 'MY-CB', 'VN-CB']);
    expect(arrangementPartiesAt(timeline, '2025-05-01')).toEqual(['TH-CB', 'VN-CB']);
    expect(isPartyAt(timeline, 'VN-CB', '2024-08-31')).toBe(false);
    expect(currentArrangementParties(timeline)).toEqual(['TH-CB', 'VN-CB']);
    expect(everParties(timeline)).toEqual(['TH-CB', 'MY-CB', 'VN-CB']);
  });

  it('answers the covered schemes on any date across an amendment', () => {
    const { timeline } = timelineOf(arrangement.amended(ID, [PS, GPS], '2025-01-01'));
    expect(arrangementSchemesAt(timeline, '2024-03-31')).toEqual([]);
    expect(arrangementSchemesAt(timeline, '2024-12-31')).toEqual([PS]);
    expect(arrangementSchemesAt(timeline, '2025-01-01')).toEqual([PS, GPS]);
    expect(currentArrangementSchemes(timeline)).toEqual([PS, GPS]);
  });

  it('ignores a replayed event', () => {
    const { log, timeline } = timelineOf(arrangement.suspended(ID, '2025-01-01'));
    const [, suspension] = log.inStream(arrangementStream(ID));
    expect(evolveArrangementTimeline(timeline, suspension.event, suspension.ref)).toBe(timeline);
  });

  it('is plain JSON', () => {
    const { timeline } = timelineOf(arrangement.admitted(ID, 'VN-CB', '2024-09-01'), arrangement.amended(ID, [GPS], '2025-01-01'));
    expect(JSON.parse(JSON.stringify(timeline))).toEqual(timeline);
  });
});
