import 'reflect-metadata';
import { Module, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { CommandBus, CqrsModule } from '@nestjs/cqrs';
import type { Actor } from '@registry/domain';
import {
  WrongExpectedRevisionError,
  type AppendOptions,
  type AppendResult,
  type EventData,
  type EventStore,
  type StreamAppend,
} from '@registry/event-store';
import { randomUUID } from 'node:crypto';
import { StoreModule } from '../../../store';
import type { Clock } from '../../../clock';
import type { CommandDraft } from '../command-draft';
import type { CommandOutcome } from '../command-outcome';
import { commandHashOf } from '../command-hash';
import { CommandPipelineModule } from '../command-pipeline.module';
import { ExecuteRegistryCommand } from '../execute-registry-command';
import { ExecuteCommandBatch, type BatchOutcome } from '../execute-command-batch';

export const AB: Actor = { role: 'ACCREDITATION_BODY', keyId: 'key-ab' };

export function cbActor(cbId: string): Actor {
  return { role: 'CERTIFICATION_BODY', keyId: `key-${cbId}`, cbId };
}

export const fixedClock = (iso: string): Clock => ({ now: () => new Date(iso) });

/** A real store that counts what happens to appends, so a test can see that a retry really took place. */
export class ObservedStore implements EventStore {
  appends = 0;
  conflicts = 0;
  /** When set, runs just before each append reaches the store: a busy neighbour writing to the same stream. */
  beforeAppend: ((stream: string) => Promise<void>) | null = null;

  constructor(readonly inner: EventStore) {}

  async append(stream: string, events: EventData[], options: AppendOptions): Promise<AppendResult> {
    this.appends += 1;
    await this.beforeAppend?.(stream);
    try {
      return await this.inner.append(stream, events, options);
    } catch (error) {
      if (error instanceof WrongExpectedRevisionError) this.conflicts += 1;
      throw error;
    }
  }

  async appendToStreams(appends: StreamAppend[]): Promise<AppendResult[]> {
    this.appends += appends.length;
    for (const { stream } of appends) await this.beforeAppend?.(stream);
    try {
      return await this.inner.appendToStreams(appends);
    } catch (error) {
      if (error instanceof WrongExpectedRevisionError) this.conflicts += 1;
      throw error;
    }
  }

  readStream: EventStore['readStream'] = (stream, options) => this.inner.readStream(stream, options);
  readStreams: EventStore['readStreams'] = (streams) => this.inner.readStreams(streams);
  readAll: EventStore['readAll'] = (options) => this.inner.readAll(options);
  subscribeToAll: EventStore['subscribeToAll'] = (options) => this.inner.subscribeToAll(options);
  health: EventStore['health'] = () => this.inner.health();
  close: EventStore['close'] = () => this.inner.close();
}

/**
 * A `beforeAppend` that holds the first `count` appends until all of them have arrived, then lets everything
 * through: racing commands are sure to have read the same revision, whatever the machine's timing.
 */
export function barrierOf(count: number): (stream: string) => Promise<void> {
  let arrived = 0;
  let open: () => void = () => undefined;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return () => {
    arrived += 1;
    if (arrived >= count) open();
    return opened;
  };
}

export interface Pipeline {
  /** Sends a draft through the CommandBus; a fresh command id unless one is given. */
  send(draft: CommandDraft, commandId?: string): Promise<CommandOutcome>;
  /** Sends drafts as one ExecuteCommandBatch, each with a fresh command id unless given, chained by `chain`. */
  sendBatch(items: Array<{ draft: CommandDraft; chain: string; commandId?: string }>): Promise<BatchOutcome>;
  close(): Promise<void>;
}

/** The command pipeline alone in a Nest context, on the given store (closed with the context). */
export async function startPipeline(store: EventStore, clock: Clock): Promise<Pipeline> {
  @Module({ imports: [CqrsModule.forRoot(), StoreModule.register(store), CommandPipelineModule.register(clock)] })
  class PipelineTestModule {}

  const context: INestApplicationContext = await NestFactory.createApplicationContext(PipelineTestModule, { logger: false });
  const bus = context.get(CommandBus);
  const envelopeOf = (draft: CommandDraft, commandId?: string) => {
    const id = commandId ?? randomUUID();
    return { commandId: id, commandIdFromCaller: commandId !== undefined, correlationId: id, commandHash: commandHashOf(draft.type, draft.actor.keyId, draft.data) };
  };
  return {
    send: (draft, commandId) => bus.execute(new ExecuteRegistryCommand(draft, envelopeOf(draft, commandId))),
    sendBatch: (items) => bus.execute(new ExecuteCommandBatch(items.map(({ draft, chain, commandId }) => ({ draft, chain, envelope: envelopeOf(draft, commandId) })))),
    close: () => context.close(),
  };
}
