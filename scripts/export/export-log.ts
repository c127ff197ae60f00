import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { canonicalEventBytes } from '@registry/domain/log/canonical-event';
import type { EventStore, RecordedEvent } from '@registry/event-store';

/** One NDJSON line per event, in log order: its leaf index and its canonical bytes as a JSON string (so the
 * exact bytes the tree hashed come back out of any JSON parser). Streams page by page; returns the count. */
export async function exportLog(store: EventStore, out: Writable, onProgress: (leaves: number) => void = () => undefined): Promise<number> {
  let leafIndex = 0;
  let from: bigint | 'start' = 'start';
  let seen: bigint | undefined;
  for (;;) {
    const page: RecordedEvent[] = (await store.readAll({ fromPosition: from, maxCount: 5_001 })).filter((event) => event.position !== seen);
    if (page.length === 0) break;
    let chunk = '';
    for (const event of page) {
      chunk += `${JSON.stringify({ leafIndex, canonical: canonicalEventBytes(event).toString('utf8') })}\n`;
      leafIndex += 1;
    }
    if (!out.write(chunk)) await once(out, 'drain');
    const last = page[page.length - 1].position;
    seen = last;
    from = last;
    onProgress(leafIndex);
  }
  return leafIndex;
}
