import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { commandStream, decideCommand, isRuleViolation, withFacts, type RegistryCommand } from '@registry/domain';
import { WrongExpectedRevisionError, type EventData, type EventStore, type RecordedEvent } from '@registry/event-store';
import { ApplicationError } from '../../errors';
import { CLOCK, type Clock } from '../../clock';
import { EVENT_STORE, LogWrites } from '../../store';
import { BatchStreams } from './batch-streams';
import { scopedCommandId } from './command-hash';
import { eventIdFor } from './event-ids';
import { eventMetadata } from './event-metadata';
import { ExecuteCommandBatch, type BatchItem, type BatchItemOutcome, type BatchOutcome } from './execute-command-batch';
import { priorOutcome } from './prior-outcome';
import { RecordingTime } from './recording-time';
import { factsFrom } from './store-facts';
import { untilSettled, type Attempt as UntilSettledAttempt } from './until-settled';

type Attempt = UntilSettledAttempt<BatchOutcome>;

/** What a refusal says about one item; anything else (the store failing) fails the whole batch. */
function refusal(error: unknown): BatchItemOutcome & { outcome: 'REFUSED' } {
  if (isRuleViolation(error)) return { outcome: 'REFUSED', reason: error.code, field: error.field ?? null, message: error.message };
  if (error instanceof ApplicationError) {
    const reason = typeof error.details.reason === 'string' ? error.details.reason : error.code;
    return { outcome: 'REFUSED', reason, field: null, message: error.message };
  }
  throw error;
}

/**
 * The bulk write path. Reads every stream the batch needs once, decides the items in order — each on the state its
 * stream has with the items before it applied, with the facts its declaration reads — then appends every stream
 * at the revision read, in one multi-stream append (one transaction and one fsync on the embedded store). A writer
 * that moved one of those streams meanwhile makes the append conflict: the whole batch is decided again on fresh
 * state, never written over. A refused item writes nothing and stops the rest of its chain.
 */
@CommandHandler(ExecuteCommandBatch)
export class CommandBatchHandler implements ICommandHandler<ExecuteCommandBatch> {
  private readonly recordingTime: RecordingTime;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) clock: Clock,
    private readonly logWrites: LogWrites,
  ) {
    this.recordingTime = new RecordingTime(store, clock);
  }

  execute({ items, dryRun }: ExecuteCommandBatch): Promise<BatchOutcome> {
    return untilSettled('the batch', this.logWrites, () => this.attempt(items, dryRun));
  }

  private async attempt(items: readonly BatchItem[], dryRun: boolean): Promise<Attempt> {
    const streams = new BatchStreams(this.store);
    const targets = await streams.preload(items.map(({ draft }) => commandStream(draft)));
    const recordedAt = await this.recordingTime.next(latestOf(targets.map((target) => target.recorded)));
    const stopped = new Map<string, number>();
    const outcomes: BatchItemOutcome[] = [];
    for (const [index, item] of items.entries()) {
      const stoppedAt = stopped.get(item.chain);
      if (stoppedAt !== undefined) {
        outcomes.push({ outcome: 'REFUSED', reason: 'FOLLOWS_REFUSED_ROW', field: null, message: `follows item ${stoppedAt}, which was refused` });
        continue;
      }
      try {
        outcomes.push(await this.decide(item, streams, recordedAt));
      } catch (error) {
        outcomes.push(refusal(error));
        stopped.set(item.chain, index);
      }
    }
    const appends = streams.appends();
    if (appends.length === 0 || dryRun) return { kind: 'done', outcome: { items: outcomes, position: null } };
    let position = -1n;
    try {
      for (const appended of await this.store.appendToStreams(appends)) if (appended.position > position) position = appended.position;
    } catch (error) {
      if (error instanceof WrongExpectedRevisionError) return { kind: 'conflict' };
      this.logWrites.failed(error);
      throw error;
    }
    this.logWrites.succeeded();
    this.recordingTime.written(recordedAt);
    return { kind: 'done', outcome: { items: outcomes, position } };
  }

  /** One item, as CommandPipelineHandler decides a command alone: same facts, decider, event ids and metadata. */
  private async decide(item: BatchItem, streams: BatchStreams, recordedAt: Date): Promise<BatchItemOutcome> {
    const { envelope } = item;
    const command: RegistryCommand = await withFacts(item.draft, factsFrom(streams));
    const stream = commandStream(command);
    const target = await streams.load(stream);
    if (priorOutcome(target, envelope, command) !== null) return { outcome: 'SKIPPED' };
    const scoped = scopedCommandId(command.actor.keyId, envelope.commandId);
    const events: EventData[] = decideCommand(command, target.records.map(({ event }) => event)).map((event, index) => ({
      id: eventIdFor(scoped, stream, index),
      type: event.type,
      data: event.data,
      metadata: eventMetadata(event.type, command, envelope, recordedAt),
    }));
    await streams.add(stream, events, recordedAt);
    return { outcome: 'WRITTEN' };
  }
}

/** The latest recorded events of the streams read, for the recording-time check (it looks at the last one). */
function latestOf(streams: RecordedEvent[][]): RecordedEvent[] {
  const lasts = streams.flatMap((recorded) => recorded.slice(-1));
  return lasts.sort((a, b) => (a.position < b.position ? -1 : a.position > b.position ? 1 : 0)).slice(-1);
}
