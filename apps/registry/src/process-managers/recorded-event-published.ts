import type { EventRef, RegistryEvent } from '@registry/domain';
import type { JsonObject } from '@registry/event-store';

/** A recorded event, as the durable log delivered it, on the in-process EventBus. Never published by the write
 * path: only the log bridge publishes it, so a handler sees what the log holds, in log order, at least once. */
export class RecordedEventPublished {
  constructor(
    readonly id: string,
    readonly event: RegistryEvent,
    readonly ref: EventRef,
    readonly metadata: JsonObject,
    readonly recordedAt: Date,
  ) {}
}
