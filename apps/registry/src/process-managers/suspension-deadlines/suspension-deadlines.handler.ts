import { EventsHandler, type IEventHandler } from '@nestjs/cqrs';
import { ProcessManagerStore } from '../process-manager-store';
import { RecordedEventPublished } from '../recorded-event-published';

/** Remembers every suspension recorded with an end (`until`), for the scheduler to settle on that day. */
@EventsHandler(RecordedEventPublished)
export class SuspensionDeadlinesHandler implements IEventHandler<RecordedEventPublished> {
  constructor(private readonly store: ProcessManagerStore) {}

  handle({ id, event, ref, metadata }: RecordedEventPublished): void {
    const correlationId = typeof metadata.correlationId === 'string' ? metadata.correlationId : id;
    const actor = metadata.actor as { cbId?: string | null } | undefined;
    const common = { suspensionEventId: id, stream: ref.stream, revision: ref.revision, correlationId };
    if (event.type === 'CertificateSuspended' && event.data.until) {
      this.store.addDeadline({ ...common, kind: 'CERTIFICATE', subject: event.data.number, until: event.data.until, cbId: actor?.cbId ?? null });
    }
    if (event.type === 'AccreditationSuspended' && event.data.until) {
      this.store.addDeadline({ ...common, kind: 'ACCREDITATION', subject: event.data.cbId, until: event.data.until, cbId: null });
    }
  }
}
