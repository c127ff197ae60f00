import { Field, ObjectType } from '@nestjs/graphql';
import { EventRefObject } from '../../graphql/event-ref.object';
import type { CommandOutcome } from '../command-pipeline';

@ObjectType('CommandResult', { description: 'What a mutation recorded.' })
export class CommandResultObject {
  @Field({ description: 'The command id given, or the one generated when none was.' })
  commandId!: string;

  @Field({ description: 'The global log position of the last event recorded; every query already reflects it.' })
  position!: string;

  @Field(() => [EventRefObject])
  events!: EventRefObject[];

  @Field({ description: 'True when this commandId had already been handled: nothing new was recorded.' })
  replayed!: boolean;
}

export function toCommandResult(outcome: CommandOutcome): CommandResultObject {
  return {
    commandId: outcome.commandId,
    position: String(outcome.position),
    events: outcome.events,
    replayed: outcome.replayed,
  };
}
