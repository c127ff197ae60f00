import { isCalendarDate, type CalendarDate } from '@registry/domain';
import { GraphQLScalarType, Kind } from 'graphql';
import { RegistryError } from './registry-error';

function parse(value: unknown): CalendarDate {
  if (!isCalendarDate(value)) {
    throw new RegistryError('BAD_USER_INPUT', `${JSON.stringify(value)} is not a calendar date "YYYY-MM-DD"`);
  }
  return value;
}

/** A calendar date "YYYY-MM-DD" that exists (2024-02-29 yes, 2023-02-29 no). Business dates carry no time zone.
 * Use as `@Field(() => DateScalar)`. */
export const DateScalar = new GraphQLScalarType<CalendarDate, string>({
  name: 'Date',
  description: 'A calendar date, "YYYY-MM-DD" (ISO 8601), that exists in the Gregorian calendar',
  serialize: parse,
  parseValue: parse,
  parseLiteral: (ast) => parse(ast.kind === Kind.STRING ? ast.value : undefined),
});
