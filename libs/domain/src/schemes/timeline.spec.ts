import { EventLog } from '../testing/event-log';
import { PS, schemeRegistered } from '../testing/events';
import { foldTimeline } from '../shared/fold-timeline';
import { schemeStream } from '../streams';
import { evolveSchemeTimeline } from './timeline';

describe('the scheme read document', () => {
  it('holds the registered scheme and the record that registered it', () => {
    const log = new EventLog();
    const [ref] = log.record(schemeRegistered(PS, 'Productivity Specialist'));
    expect(foldTimeline(evolveSchemeTimeline, log.inStream(schemeStream(PS)))).toEqual({
      stream: schemeStream(PS),
      revision: 0,
      code: PS,
      title: 'Productivity Specialist',
      sector: null,
      occupation: null,
      qualificationLevel: null,
      registered: ref,
    });
  });

  it('stays empty for events of other aggregates', () => {
    const ref = { stream: 'cb-X', revision: 0, position: '1', type: 'AccreditationSuspended' };
    expect(evolveSchemeTimeline(null, { type: 'AccreditationSuspended', data: { cbId: 'X', effectiveOn: '2024-01-01', reason: 'r' } }, ref)).toBeNull();
  });
});
