import {
  REGISTRY_EVENT_TYPES,
  everParties,
  evolveArrangementTimeline,
  isArrangementEvent,
  type ArrangementTimeline,
} from '@registry/domain';
import type { DocumentKey } from '../document-projection';
import { defineProjection } from '../document-projection';

export const PARTY_KEY = 'party';
export const SCHEME_KEY = 'scheme';

/** Every CB that ever was a party, and every scheme ever covered: the keys must find an arrangement for any
 * `asOf`, and the rule then judges it on that date. */
function arrangementKeys(arrangement: ArrangementTimeline): DocumentKey[] {
  const schemes = [...new Set(arrangement.scope.flatMap((statement) => statement.schemes))].sort();
  const parties = [...everParties(arrangement)].sort();
  return [...parties.map((cbId): DocumentKey => [PARTY_KEY, cbId]), ...schemes.map((code): DocumentKey => [SCHEME_KEY, code])];
}

/** MRA timelines, one per `arrangement-<id>` stream, found by party and by scheme. */
export const arrangementsProjection = defineProjection<ArrangementTimeline>({
  name: 'arrangements',
  version: 1,
  eventTypes: REGISTRY_EVENT_TYPES.filter((type) => isArrangementEvent({ type })),
  evolve: evolveArrangementTimeline,
  keys: arrangementKeys,
});
