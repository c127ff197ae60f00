import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  commandStream,
  decideCommand,
  withFacts,
  toEventRef,
  type RegistryCommand,
  type RegistryEvent,
} from '@registry/domain';
import {
  WrongExpectedRevisionError,
  type EventData,
  type EventStore,
} from '@registry/event-store';
import { EVENT_STORE, LogWrites } from '../../store';
import { CLOCK, type Clock } from '../../clock';
import type { CommandDraft } from './command-draft';
import { factsFrom } from './store-facts';
import type { CommandOutcome } from './command-outcome';
import { scopedCommandId } from './command-hash';
import { eventIdFor } from './event-ids';
import { eventMetadata } from './event-metadata';
import { ExecuteRegistryCommand, type CommandEnvelope } from './execute-registry-command';
import { commandIdReused, priorOutcome } from './prior-outcome';
import { RecordingTime } from './recording-time';
import { StreamReader, type LoadedStream } from './stream-reader';
import { untilSettled, type Attempt as UntilSettledAttempt } from './until-settled';

/** Attempts per command when its stream keeps moving under it; each one decides again on fresh state. */

type Attempt = UntilSettledAttempt<CommandOutcome>;

/** Throws the decider's RuleViolation unchanged: how a refusal is shown is the edge's business. */
function decide(command: RegistryCommand, target: LoadedStream): RegistryEvent[] {
  return decideCommand(command, target.records.map(({ event }) => event));
}

/**
 * The one write path: facts and target stream read, state folded, decided, appended at the revision read.
 * Rules live in the deciders; this only moves data and handles concurrency and idempotency.
 */
@CommandHandler(ExecuteRegistryCommand)
export class CommandPipelineHandler implements ICommandHandler<ExecuteRegistryCommand> {
  private readonly recordingTime: RecordingTime;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) clock: Clock,
    private readonly logWrites: LogWrites,
  ) {
    this.recordingTime = new RecordingTime(store, clock);
  }

  execute({ draft, envelope }: ExecuteRegistryCommand): Promise<CommandOutcome> {
    return untilSettled(draft.type, this.logWrites, () => this.attempt(draft, envelope));
  }

  private async attempt(draft: CommandDraft, envelope: CommandEnvelope): Promise<Attempt> {
    const reads = new StreamReader(this.store);
    const command = await withFacts(draft, factsFrom(reads));
    const stream = commandStream(command);
    const target = await reads.load(stream);
    const prior = priorOutcome(target, envelope, command);
    if (prior !== null) return { kind: 'done', outcome: prior };

    const recordedAt = await this.recordingTime.next(target.recorded);
    const events: EventData[] = decide(command, target).map((event, index) => ({
      id: eventIdFor(scopedCommandId(command.actor.keyId, envelope.commandId), stream, index),
      type: event.type,
      data: event.data,
      metadata: eventMetadata(event.type, command, envelope, recordedAt),
    }));
    let appended: { nextRevision: bigint; position: bigint };
    try {
      appended = await this.store.append(stream, events, { expectedRevision: target.revision });
    } catch (error) {
      if (error instanceof WrongExpectedRevisionError) return { kind: 'conflict' };
      this.logWrites.failed(error);
      throw error;
    }
    this.logWrites.succeeded();
    this.recordingTime.written(recordedAt);
    return { kind: 'done', outcome: await this.outcomeOf(stream, events, appended, envelope) };
  }

  private async outcomeOf(
    stream: string,
    events: EventData[],
    appended: { nextRevision: bigint; position: bigint },
    envelope: CommandEnvelope,
  ): Promise<CommandOutcome> {
    const { commandId } = envelope;
    const firstRevision = appended.nextRevision - BigInt(events.length - 1);
    const [only] = events;
    if (events.length === 1 && !envelope.commandIdFromCaller) {
      const ref = { stream, revision: Number(firstRevision), position: String(appended.position), type: only.type };
      return { commandId, position: appended.position, events: [ref], replayed: false };
    }
    // Positions of a multi-event append are not consecutive in every store, and a caller's command id may
    // have raced a twin whose (different) events the store kept instead of ours: read what is really there.
    const stored = await this.store.readStream(stream, { fromRevision: firstRevision, maxCount: events.length });
    const twin = stored[0]?.metadata.commandHash;
    if (twin !== undefined && twin !== envelope.commandHash) throw commandIdReused(commandId, `another ${String(stored[0].metadata.commandType)}`);
    const ours = (index: number) => JSON.stringify(events[index].data) === JSON.stringify(stored[index]?.data);
    return {
      commandId,
      position: appended.position,
      events: stored.map(toEventRef),
      replayed: !events.every((_event, index) => ours(index)),
    };
  }
}
