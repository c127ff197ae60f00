import { applyDecorators } from '@nestjs/common';
import { Field, type ReturnTypeFunc } from '@nestjs/graphql';
import { DateScalar } from '../../graphql/date.scalar';
import { INPUT_LIMITS, IsCalendarDay, IsCountry, IsCountryList, IsIdentifier, IsIdentifierList, IsName, IsOptional, IsPlainText } from './input-rules';

export interface InputFieldOptions {
  description?: string;
  /** Nullable in the schema and optional to the validator: the two must agree, or a null the schema lets in
   * would be refused by a rule it never announced. */
  nullable?: boolean;
}

/**
 * One input field: its GraphQL type and the class-validator rule for its values, declared together so that
 * a field never reaches a command with a schema type but no check behind it. Plain property decorators, so
 * an abstract input's fields pass to its subclasses exactly as `@Field()` and the rules themselves do.
 */
function inputField(type: ReturnTypeFunc, rule: PropertyDecorator, { description, nullable }: InputFieldOptions): PropertyDecorator {
  const field = Field(type, { description, nullable });
  return nullable ? applyDecorators(rule, IsOptional(), field) : applyDecorators(rule, field);
}

/** An id, number or scheme code: see `IsIdentifier`. */
export function IdentifierField(options: InputFieldOptions = {}): PropertyDecorator {
  return inputField(() => String, IsIdentifier(), options);
}

export function IdentifierListField(options: InputFieldOptions = {}): PropertyDecorator {
  return inputField(() => [String], IsIdentifierList(), options);
}

/** A name, title or label: plain text up to `INPUT_LIMITS.name`. */
export function PlainTextField(options: InputFieldOptions = {}): PropertyDecorator {
  return inputField(() => String, IsName(), options);
}

/** A reason or conditions: plain text up to `INPUT_LIMITS.text`. */
export function LongTextField(options: InputFieldOptions = {}): PropertyDecorator {
  return inputField(() => String, IsPlainText(INPUT_LIMITS.text), options);
}

export function CountryField(options: InputFieldOptions = {}): PropertyDecorator {
  return inputField(() => String, IsCountry(), options);
}

export function CountryListField(options: InputFieldOptions = {}): PropertyDecorator {
  return inputField(() => [String], IsCountryList(), options);
}

export function CalendarDayField(options: InputFieldOptions = {}): PropertyDecorator {
  return inputField(() => DateScalar, IsCalendarDay(), options);
}
