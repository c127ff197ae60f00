import { unreachable } from '../shared/decider';
import type { EventRef } from '../shared/event-ref';
import type { RegistryEvent } from '../registry-event';
import { isWatchEvent, type WatchOwner, type WatchTarget } from './events';

/** A watch as its owner sees it, and as deliveries need it. */
export type WatchTimeline = {
  stream: string;
  revision: number;
  watchId: string;
  owner: WatchOwner;
  target: WatchTarget;
  url: string;
  secretVersion: number;
  created: EventRef;
  deleted: EventRef | null;
};

/** Whose watch it is: a CB's watches belong to every key of the CB, an employer's to its key. */
export function watchOwnerKey(owner: { role: string; keyId: string; cbId?: string | null }): string {
  return owner.role === 'CERTIFICATION_BODY' ? `cb:${owner.cbId ?? ''}` : `key:${owner.keyId}`;
}

export function evolveWatchTimeline(timeline: WatchTimeline | null, event: RegistryEvent, ref: EventRef): WatchTimeline | null {
  if (!isWatchEvent(event)) return timeline;
  if (timeline === null) {
    if (event.type !== 'WatchCreated') return null;
    const { watchId, owner, target, url, secretVersion } = event.data;
    return { stream: ref.stream, revision: ref.revision, watchId, owner, target, url, secretVersion, created: ref, deleted: null };
  }
  if (ref.stream !== timeline.stream || ref.revision <= timeline.revision) return timeline;
  switch (event.type) {
    case 'WatchCreated':
      return { ...timeline, revision: ref.revision };
    case 'WatchSecretRotated':
      return { ...timeline, revision: ref.revision, secretVersion: event.data.secretVersion };
    case 'WatchDeleted':
      return { ...timeline, revision: ref.revision, deleted: ref };
    default:
      return unreachable(event);
  }
}
