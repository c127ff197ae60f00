import { Inject } from '@nestjs/common';
import { Args, Int, ObjectType, Query, Resolver } from '@nestjs/graphql';
import type { Actor } from '@registry/domain';
import type { RecordedEvent } from '@registry/event-store';
import type { EventStore } from '@registry/event-store';
import { Authorizer, CallerActor } from '../auth';
import { FIELD_WEIGHTS } from '../graphql/query-limits';
import { EVENT_STORE } from '../store';
import { ApplicationError } from '../errors';
import { certificationBodyMayRead } from './history-access';
import { AFTER, Connection, FIRST, IN_PAGES, isCountKey, pageOf, pageRequest } from './pagination/connection';
import { boundedInteger, identifierArgument } from './query-arguments';
import { ReadSideHost } from './read-side.host';
import { RecordedEventObject, toRecordedEventObject } from './recorded-event.object';

export const HISTORY_DEFAULT_LIMIT = 100;
export const HISTORY_MAX_LIMIT = 500;

@ObjectType('RecordedEventConnection')
export class RecordedEventConnection extends Connection('RecordedEvent', RecordedEventObject) {}

const HISTORY_ACCESS = `AUDITOR or ACCREDITATION_BODY keys; a CERTIFICATION_BODY key for its own records (its cb- stream, its certificates, their recognition streams, and those where it took a decision).`;

/** An auditor's replay of one stream, straight from the log (not a read model): what was recorded, by whom. */
@Resolver(() => RecordedEventObject)
export class HistoryResolver {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly authorizer: Authorizer,
    private readonly host: ReadSideHost,
  ) {}

  @Query(() => [RecordedEventObject], {
    complexity: FIELD_WEIGHTS.history,
    description: `The events of one stream from fromRevision (default 0), at most limit (default ${HISTORY_DEFAULT_LIMIT}, max ${HISTORY_MAX_LIMIT}). ${HISTORY_ACCESS}`,
  })
  async history(
    @CallerActor() actor: Actor | null,
    @Args('stream') stream: string,
    @Args('fromRevision', { type: () => Int, nullable: true }) fromRevision?: number | null,
    @Args('limit', { type: () => Int, nullable: true }) limit?: number | null,
  ): Promise<RecordedEventObject[]> {
    const name = await this.readableStream(actor, stream);
    const events = await this.store.readStream(name, {
      fromRevision: BigInt(boundedInteger('fromRevision', fromRevision, 0, 0, Number.MAX_SAFE_INTEGER)),
      maxCount: boundedInteger('limit', limit, HISTORY_DEFAULT_LIMIT, 1, HISTORY_MAX_LIMIT),
    });
    return events.map(toRecordedEventObject);
  }

  @Query(() => RecordedEventConnection, {
    complexity: FIELD_WEIGHTS.history,
    description: `The events of one stream by revision, ${IN_PAGES}. ${HISTORY_ACCESS}`,
  })
  async historyConnection(
    @CallerActor() actor: Actor | null,
    @Args('stream') stream: string,
    @Args('first', FIRST) first?: number | null,
    @Args('after', AFTER) after?: string | null,
  ): Promise<RecordedEventConnection> {
    const name = await this.readableStream(actor, stream);
    // The stream is in the cursor's list name: a cursor of one stream is refused by another.
    const list = `history/${name}`;
    const request = pageRequest(list, first, after, isCountKey);
    const fromRevision = request.afterKey === null ? 0n : BigInt(request.afterKey) + 1n;
    const events = await this.store.readStream(name, { fromRevision, maxCount: request.size + 1 });
    // Revisions run from 0 without a gap: the last one tells the length, one event read backwards.
    const [last] = await this.store.readStream(name, { direction: 'backwards', fromRevision: 'end', maxCount: 1 });
    const total = last === undefined ? 0 : Number(last.revision) + 1;
    return pageOf(list, request, events, (event: RecordedEvent) => String(event.revision), toRecordedEventObject, () => total);
  }

  /** The stream named, once the caller may read it; FORBIDDEN otherwise. */
  private async readableStream(actor: Actor | null, stream: string): Promise<string> {
    const caller = this.authorizer.requireRole(actor, ['AUDITOR', 'ACCREDITATION_BODY', 'CERTIFICATION_BODY'], 'history');
    const name = identifierArgument('stream', stream);
    if (caller.role === 'CERTIFICATION_BODY') {
      const own = await certificationBodyMayRead(name, caller.cbId ?? '', this.host.readModels, () => this.store.readStream(name, { maxCount: HISTORY_MAX_LIMIT }));
      if (!own) throw new ApplicationError('FORBIDDEN', 'A CERTIFICATION_BODY key reads the history of its own records only', { role: caller.role });
    }
    return name;
  }
}
