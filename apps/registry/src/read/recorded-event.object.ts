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

  @Field({ description: 'The event data, as JSON text (a key\'s hash is shown as "[redacted]").' })
  data!: string;

  @Field({ description: 'The metadata (actor, command, correlation and causation ids, schema version), as JSON text.' })
  metadata!: string;

  @Field({ description: 'When the store recorded it, ISO 8601.' })
  recordedAt!: string;
}

/** A key's hash stays in the log and never leaves through the API: with it a chosen key could be guessed offline. */
const SECRET_MEMBERS = new Set(['keyHash']);

function withoutSecrets(data: RecordedEvent['data']): RecordedEvent['data'] {
  if (typeof data !== 'object' || data === null || Array.isArray(data) || !Object.keys(data).some((member) => SECRET_MEMBERS.has(member))) return data;
  return Object.fromEntries(Object.entries(data).map(([member, value]) => [member, SECRET_MEMBERS.has(member) ? '[redacted]' : value]));
}

export function toRecordedEventObject(event: RecordedEvent): RecordedEventObject {
  return {
    id: event.id,
    stream: event.stream,
    revision: Number(event.revision),
    position: event.position.toString(),
    type: event.type,
    data: JSON.stringify(withoutSecrets(event.data)),
    metadata: JSON.stringify(event.metadata),
    recordedAt: event.recordedAt.toISOString(),
  };
}
