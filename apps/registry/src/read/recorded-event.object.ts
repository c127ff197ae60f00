import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import type { RecordedEvent } from '@registry/event-store';

@ObjectType('RecordedEvent', { description: 'One event as recorded in the log.' })
export class RecordedEventObject {
  @Field(() => ID)
  id!: string;

  @Field()
  stream!: string;

  @Field(() => Int)
  revision!: number;

  @Field({ description: 'The global log position, a 64-bit integer written as a decimal string.' })
  position!: string;

  @Field()
  type!: string;

  @Field({ description: 'The event data, as JSON text.' })
  data!: string;

  @Field({ description: 'The metadata (actor, command, correlation and causation ids, schema version), as JSON text.' })
  metadata!: string;

  @Field({ description: 'When the store recorded it, ISO 8601.' })
  recordedAt!: string;
}

export function toRecordedEventObject(event: RecordedEvent): RecordedEventObject {
  return {
    id: event.id,
    stream: event.stream,
    revision: Number(event.revision),
    position: event.position.toString(),
    type: event.type,
    data: JSON.stringify(event.data),
    metadata: JSON.stringify(event.metadata),
    recordedAt: event.recordedAt.toISOString(),
  };
}
