/** What a watch follows: exact (certificate, country) questions, every certificate of the owner's CB,
 * everything touching an arrangement (for a CB: its own certificates under it), or the overdue items of one
 * country's action plan (`country`) or of every plan in the region (`country: null`). */
export type WatchTarget =
  | { kind: 'CERTIFICATES'; certificates: { certificateNumber: string; country: string }[] }
  | { kind: 'CERTIFICATION_BODY'; cbId: string }
  | { kind: 'ARRANGEMENT'; arrangementId: string }
  | { kind: 'ACTION_PLAN'; country: string | null };

/** The roles that may own a watch. */
export const WATCH_OWNER_ROLES = ['EMPLOYER', 'CERTIFICATION_BODY', 'SKILLS_FOCAL_POINT', 'ACCREDITATION_BODY'] as const;

/** Who owns a watch: a CB (any of its keys), or the key that created it. */
export type WatchOwner = { role: (typeof WATCH_OWNER_ROLES)[number]; keyId: string; cbId: string | null };

/** The webhook's signing secret is not in the log: it is derived from the registry's webhook key, the watch id
 * and `secretVersion`, so that an export of the log gives no one the power to forge deliveries. */
export type WatchCreated = {
  type: 'WatchCreated';
  data: { watchId: string; owner: WatchOwner; target: WatchTarget; url: string; secretVersion: number };
};

export type WatchSecretRotated = { type: 'WatchSecretRotated'; data: { watchId: string; secretVersion: number } };

export type WatchDeleted = { type: 'WatchDeleted'; data: { watchId: string } };

export type WatchEvent = WatchCreated | WatchSecretRotated | WatchDeleted;

const TYPES: Record<WatchEvent['type'], true> = { WatchCreated: true, WatchSecretRotated: true, WatchDeleted: true };

export function isWatchEvent(event: { type: string }): event is WatchEvent {
  return Object.hasOwn(TYPES, event.type);
}
