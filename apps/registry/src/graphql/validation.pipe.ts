import {
  type ArgumentMetadata,
  Injectable,
  type PipeTransform,
  ValidationPipe,
  type ValidationError,
} from '@nestjs/common';
import { badUserInput, type FieldError } from '../errors';
import { toGraphQLError } from './to-graphql-error';

function flatten(errors: ValidationError[], parent: string | undefined): FieldError[] {
  return errors.flatMap((error) => {
    const path = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ path, message }));
    return [...own, ...flatten(error.children ?? [], path)];
  });
}

class InvalidArgument {
  constructor(readonly errors: ValidationError[]) {}
}

/**
 * class-validator on every argument, before any command exists: all field errors at once, each with its path
 * from the argument's name (`input.validUntil`), as one BAD_USER_INPUT error. Unknown properties are refused,
 * not silently dropped, so a misspelt field never turns into a missing one.
 */
@Injectable()
export class RegistryValidationPipe implements PipeTransform {
  private readonly pipe = new ValidationPipe({
    transform: true,
    whitelist: true,
    forbidNonWhitelisted: true,
    stopAtFirstError: false,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new InvalidArgument(errors),
  });

  async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    try {
      return await this.pipe.transform(value, metadata);
    } catch (error) {
      // Mapped here, not left to the exception filter: a subscription's arguments are checked outside its reach.
      if (error instanceof InvalidArgument) throw toGraphQLError(badUserInput(flatten(error.errors, metadata.data)));
      throw error;
    }
  }
}
