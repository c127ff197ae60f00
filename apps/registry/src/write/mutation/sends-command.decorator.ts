import { applyDecorators, SetMetadata, UseGuards } from '@nestjs/common';
import type { RegistryCommandType } from '@registry/domain';
import { CommandAuthorizationGuard, SENDS_COMMAND } from './command-authorization.guard';

/** Marks a mutation with the command it sends, so the caller is authorized for it before its input is even read. */
export function SendsCommand(type: RegistryCommandType): MethodDecorator {
  return applyDecorators(SetMetadata(SENDS_COMMAND, type), UseGuards(CommandAuthorizationGuard));
}
