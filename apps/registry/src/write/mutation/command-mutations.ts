import type { Type } from '@nestjs/common';
import { Args, Mutation, Resolver } from '@nestjs/graphql';
import type { Actor, RegistryCommandType } from '@registry/domain';
import 'reflect-metadata';
import { CallerActor } from '../../auth';
import { RegistryValidationPipe } from '../../graphql/validation.pipe';
import type { DraftOf } from '../command-pipeline';
import type { CommandInput } from './command-input';
import { CommandResultObject, toCommandResult } from './command-result.object';
import { CommandSender, type CommandRequest } from './command-sender';
import { SendsCommand } from './sends-command.decorator';

/** One mutation that sends one command: its input's fields, but `commandId`, are the command's data. */
export type CommandMutation = { type: RegistryCommandType; input: Type<CommandInput> };

/** The compiler checks that the input class carries every field of the command's data, with its type. */
export function command<Command extends RegistryCommandType>(
  type: Command,
  input: Type<CommandInput & DraftOf<Command>['data']>,
): CommandMutation {
  return { type, input };
}

type CommandMutationsHost = { readonly commands: CommandSender };

/**
 * The base class of a slice's resolver: one mutation per entry, named by its key, each exactly what a hand-written
 * one was — `@Mutation(() => CommandResult)`, the role checked before the input is read (`@SendsCommand`), the
 * `input` argument validated by `RegistryValidationPipe`, the caller's actor — and one body for all of them. So a
 * command is stated once in a resolver: `issueCertificate: command('IssueCertificate', IssueCertificateInput)`.
 * The decorators are applied here as TypeScript applies written ones (metadata first, then parameters, then the
 * method), Nest's resolver inheritance (an abstract @Resolver base) does the rest.
 */
export function CommandMutations(mutations: Record<string, CommandMutation>): abstract new (commands: CommandSender) => CommandMutationsHost {
  @Resolver({ isAbstract: true })
  abstract class CommandMutationsBase implements CommandMutationsHost {
    constructor(readonly commands: CommandSender) {}
  }
  const prototype = CommandMutationsBase.prototype as unknown as Record<string, unknown>;
  for (const [name, { type, input }] of Object.entries(mutations)) {
    prototype[name] = async function (this: CommandMutationsHost, given: CommandInput, caller: Actor | null): Promise<CommandResultObject> {
      const { commandId: _commandId, ...data } = given;
      return toCommandResult(await this.commands.send(caller, given, { type, data } as CommandRequest));
    };
    const parameter = (index: number, decorator: ParameterDecorator): MethodDecorator => (target, key) => decorator(target, key, index);
    const decorated = Reflect.decorate(
      [
        Mutation(() => CommandResultObject),
        SendsCommand(type),
        parameter(0, Args('input', RegistryValidationPipe)),
        parameter(1, CallerActor()),
        Reflect.metadata('design:type', Function),
        Reflect.metadata('design:paramtypes', [input, Object]),
        Reflect.metadata('design:returntype', Promise),
      ],
      prototype,
      name,
      Object.getOwnPropertyDescriptor(prototype, name),
    ) as PropertyDescriptor | undefined;
    if (decorated) Object.defineProperty(prototype, name, decorated);
  }
  return CommandMutationsBase;
}
