import type { EventStore } from '@registry/event-store';
import { createHash } from 'node:crypto';

export interface LogFingerprint {
  /** The global position of the last event ("0" for an empty log). */
  position: string;
  events: number;
  /** SHA-256 over every event's id, stream, revision, position, type, data and metadata, in log order. */
  hash: string;
}

/** What "the log did not change" means: same last position, same number of events, same bytes. */
export async function fingerprintLog(store: EventStore): Promise<LogFingerprint> {
  const hash = createHash('sha256');
  let position = 0n;
  let events = 0;
  for (let from: bigint | 'start' = 'start'; ; ) {
    const page = await store.readAll({ fromPosition: from, maxCount: 2_000 });
    for (const event of page) {
      hash.update(
        JSON.stringify([event.id, event.stream, String(event.revision), String(event.position), event.type, event.data, event.metadata]),
      );
      hash.update('\n');
      position = event.position;
      events += 1;
    }
    if (page.length < 2_000) break;
    from = position + 1n;
  }
  return { position: String(position), events, hash: hash.digest('hex') };
}
