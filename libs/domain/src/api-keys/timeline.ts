import type { Role } from '../shared/actor';
import { unreachable } from '../shared/decider';
import type { EventRef } from '../shared/event-ref';
import type { RegistryEvent } from '../registry-event';
import { isApiKeyEvent } from './events';

/** An API key's read document: what authentication looks up by key hash. */
export type ApiKeyTimeline = {
  stream: string;
  /** The last stream revision folded in; lower or equal revisions are ignored, so replays are harmless. */
  revision: number;
  keyId: string;
  role: Role;
  cbId: string | null;
  /** The country of a SKILLS_FOCAL_POINT key. */
  country: string | null;
  label: string;
  keyHash: string;
  created: EventRef;
  revoked: EventRef | null;
};

export function evolveApiKeyTimeline(timeline: ApiKeyTimeline, event: RegistryEvent, ref: EventRef): ApiKeyTimeline;
export function evolveApiKeyTimeline(timeline: ApiKeyTimeline | null, event: RegistryEvent, ref: EventRef): ApiKeyTimeline | null;
export function evolveApiKeyTimeline(timeline: ApiKeyTimeline | null, event: RegistryEvent, ref: EventRef): ApiKeyTimeline | null {
  if (!isApiKeyEvent(event)) return timeline;
  if (timeline === null) {
    return event.type === 'ApiKeyCreated' ? { stream: ref.stream, revision: ref.revision, ...event.data, created: ref, revoked: null } : null;
  }
  if (ref.stream !== timeline.stream || ref.revision <= timeline.revision) return timeline;
  switch (event.type) {
    case 'ApiKeyCreated':
      return { ...timeline, revision: ref.revision };
    case 'ApiKeyRevoked':
      return { ...timeline, revision: ref.revision, revoked: ref };
    default:
      return unreachable(event);
  }
}

export function isApiKeyActive(timeline: ApiKeyTimeline): boolean {
  return timeline.revoked === null;
}
