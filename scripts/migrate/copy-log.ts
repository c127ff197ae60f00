import type { EventData, EventStore, ExpectedRevision, RecordedEvent } from '@registry/event-store';

export interface CopyOptions {
  /** Events read from the source per page. */
  pageSize?: number;
  /** Upper bound of one append's data + metadata; EventStoreDB refuses appends above 1 MiB by default. */
  maxAppendBytes?: number;
  onProgress?: (progress: CopyProgress) => void;
  /** Aborting stops after the append in flight; what was acknowledged stays, and a new run resumes. */
  signal?: AbortSignal;
}

export interface CopyProgress {
  /** Events appended to the target by this run. */
  readonly copied: number;
  /** Source position of the last event copied. */
  readonly position: bigint;
}

export interface CopyResult {
  readonly copied: number;
  /** Where this run started: after the source event the target already ended with, or at the start. */
  readonly resumedAfter: { stream: string; revision: bigint; id: string } | undefined;
}

/** The target holds events that are not a prefix of the source's log: copying would interleave two logs. */
export class TargetMismatchError extends Error {
  override readonly name = 'TargetMismatchError';
}

const DEFAULT_PAGE_SIZE = 1_000;
const DEFAULT_MAX_APPEND_BYTES = 900 * 1024;

/**
 * Copies the source's whole log into the target, in the source's global order, keeping ids, types, data,
 * metadata and stream revisions. Appends are sequential, each at the expected revision the event had in
 * the source, so the target's global order is the source's and every append is checked.
 *
 * Resuming: since each append is atomic and acknowledged before the next, an interrupted copy leaves the
 * target holding an exact prefix of the source's log. A new run finds the target's last event in the
 * source (same stream, revision and id) and continues right after it. A target whose events are not such
 * a prefix is refused before anything is written. Were a last append acknowledged but its reply lost,
 * repeating it is harmless: the same ids at the same expected revision are acknowledged, not duplicated.
 */
export async function copyLog(source: EventStore, target: EventStore, options: CopyOptions = {}): Promise<CopyResult> {
  const pageSize = options.pageSize ?? DEFAULT_PAGE_SIZE;
  const maxAppendBytes = options.maxAppendBytes ?? DEFAULT_MAX_APPEND_BYTES;
  const resume = await resumePoint(source, target);
  let from: bigint | 'start' = resume?.position ?? 'start';
  // Reading forwards from a position includes the event at it, which is already in the target.
  let alreadyCopied = resume?.position;
  let copied = 0;
  for (;;) {
    const page = (await source.readAll({ fromPosition: from, maxCount: pageSize + 1 })).filter(
      (event) => event.position !== alreadyCopied,
    );
    if (page.length === 0) break;
    for (const run of appendRuns(page, maxAppendBytes)) {
      options.signal?.throwIfAborted();
      await target.append(run[0].stream, run.map(toEventData), { expectedRevision: expectedBefore(run[0]) });
      copied += run.length;
      options.onProgress?.({ copied, position: run[run.length - 1].position });
    }
    const last = page[page.length - 1].position;
    from = last;
    alreadyCopied = last;
  }
  return {
    copied,
    resumedAfter: resume && { stream: resume.stream, revision: resume.revision, id: resume.id },
  };
}

async function resumePoint(source: EventStore, target: EventStore): Promise<RecordedEvent | undefined> {
  const [targetLast] = await target.readAll({ direction: 'backwards', maxCount: 1 });
  if (targetLast === undefined) return undefined;
  const [targetFirst] = await target.readAll({ maxCount: 1 });
  const [sourceFirst] = await source.readAll({ maxCount: 1 });
  if (sourceFirst === undefined || sourceFirst.id !== targetFirst.id) {
    throw new TargetMismatchError(
      `the target is not empty and does not start with the source's first event (target starts with ${describe(targetFirst)}); ` +
        'copy into an empty store, or into the target of an interrupted copy of this same source',
    );
  }
  const [inSource] = await source.readStream(targetLast.stream, { fromRevision: targetLast.revision, maxCount: 1 });
  if (inSource === undefined || inSource.id !== targetLast.id) {
    throw new TargetMismatchError(
      `the target's last event ${describe(targetLast)} is not in the source at that stream and revision; ` +
        'the target holds another log',
    );
  }
  return inSource;
}

/** Consecutive events of one stream go in one append, bounded in size; global order is unchanged. */
function* appendRuns(events: RecordedEvent[], maxBytes: number): Generator<RecordedEvent[]> {
  let run: RecordedEvent[] = [];
  let bytes = 0;
  for (const event of events) {
    const size = Buffer.byteLength(JSON.stringify(event.data)) + Buffer.byteLength(JSON.stringify(event.metadata));
    const continues =
      run.length > 0 && run[run.length - 1].stream === event.stream && run[run.length - 1].revision + 1n === event.revision;
    if (run.length > 0 && (!continues || bytes + size > maxBytes)) {
      yield run;
      run = [];
      bytes = 0;
    }
    run.push(event);
    bytes += size;
  }
  if (run.length > 0) yield run;
}

function expectedBefore(event: RecordedEvent): ExpectedRevision {
  return event.revision === 0n ? 'no_stream' : event.revision - 1n;
}

function toEventData(event: RecordedEvent): EventData {
  return { id: event.id, type: event.type, data: event.data, metadata: event.metadata };
}

function describe(event: RecordedEvent): string {
  return `${event.stream}@${event.revision} (${event.id})`;
}
