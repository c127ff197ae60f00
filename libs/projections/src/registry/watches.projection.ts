import { REGISTRY_EVENT_TYPES, evolveWatchTimeline, isWatchEvent, watchOwnerKey, type WatchTimeline } from '@registry/domain';
import { defineProjection } from '../document-projection';

export const OWNER_KEY = 'owner';

/** Watches, one per `watch-<id>` stream, found by owner (the `watches` query lists the caller's own only). */
export const watchesProjection = defineProjection<WatchTimeline>({
  name: 'watches',
  version: 1,
  eventTypes: REGISTRY_EVENT_TYPES.filter((type) => isWatchEvent({ type })),
  evolve: evolveWatchTimeline,
  keys: (watch) => [[OWNER_KEY, watchOwnerKey(watch.owner)]],
});
