import { applyDecorators } from '@nestjs/common';
import { isCalendarDate, isCountryCode } from '@registry/domain';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  ValidateBy,
  type ValidationOptions,
} from 'class-validator';

/** Bounds of every mutation input. Shapes only: whether a value makes sense is the domain's rule to say. */
export const INPUT_LIMITS = {
  identifier: 64,
  name: 200,
  text: 1000,
  list: 50,
} as const;

/**
 * Ids, numbers and scheme codes become stream names and appear in URLs and printed certificates: letters,
 * digits and `. _ : -`, single inner spaces (scheme codes read "APO-PS 101:2023"), a letter or digit first and last.
 */
const IDENTIFIER = /^[A-Za-z0-9](?:[A-Za-z0-9._:-]| (?! ))*(?<=[A-Za-z0-9._:-])$/;

/** No control characters (C0, DEL, C1), no lone surrogates, and no bidirectional overrides, which can make a
 * printed name read differently from what is stored. */
const PLAIN_TEXT = /^[^\p{Cc}\p{Cs}\u202A-\u202E\u2066-\u2069]*$/u;

const NOT_BLANK = /\S/;

/**
 * Names a person compares by eye: no invisible format characters (zero-width space, direction marks, the Arabic
 * letter mark...; the zero-width joiner and non-joiner stay, Sinhala and Persian spell with them), and no pile
 * of combining marks on one letter (Thai and Vietnamese need at most three).
 */
const INVISIBLE = /(?![\u200C\u200D])\p{Cf}/u;
const STACKED_MARKS = /\p{M}{4}/u;
/** The identifier rule outside class-validator: the verification pages check numbers typed by people with it. */
export function isIdentifier(value: string): boolean {
  return value.length <= INPUT_LIMITS.identifier && IDENTIFIER.test(value);
}

export function IsIdentifier(options: ValidationOptions = {}): PropertyDecorator {
  return applyDecorators(
    IsString(options),
    MaxLength(INPUT_LIMITS.identifier, options),
    Matches(IDENTIFIER, {
      message: `$property must be 1-${INPUT_LIMITS.identifier} letters, digits, ". _ : -" or single inner spaces`,
      ...options,
    }),
  );
}

export function IsIdentifierList(): PropertyDecorator {
  return applyDecorators(IsArray(), ArrayMaxSize(INPUT_LIMITS.list), IsIdentifier({ each: true }));
}

/** A name or free text a person reads: bounded, not blank, no control or bidi-override characters. */
export function IsPlainText(maxLength: number = INPUT_LIMITS.name): PropertyDecorator {
  return applyDecorators(
    IsString(),
    MaxLength(maxLength),
    Matches(NOT_BLANK, { message: '$property must not be blank' }),
    Matches(PLAIN_TEXT, { message: '$property must not contain control or bidirectional-override characters' }),
  );
}

/** A name, stored in Unicode NFC so that two spellings of the same letters are one name. */
export function IsName(maxLength: number = INPUT_LIMITS.name): PropertyDecorator {
  return applyDecorators(
    Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.normalize('NFC') : value)),
    IsPlainText(maxLength),
    ValidateBy({
      name: 'isVisibleName',
      validator: {
        validate: (value: unknown) => typeof value !== 'string' || (!INVISIBLE.test(value) && !STACKED_MARKS.test(value)),
        defaultMessage: () => '$property must not contain invisible format characters or more than three combining marks on a letter',
      },
    }),
  );
}

export function IsCountry(options: ValidationOptions = {}): PropertyDecorator {
  return applyDecorators(
    IsString(options),
    ValidateBy({
      name: 'isCountry',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && /^[A-Za-z]{2}$/.test(value) && isCountryCode(value),
        defaultMessage: () => '$property must be an ISO 3166-1 alpha-2 country code, e.g. "TH"',
      },
    }, options),
  );
}

export function IsCountryList(): PropertyDecorator {
  return applyDecorators(IsArray(), ArrayMaxSize(INPUT_LIMITS.list), IsCountry({ each: true }));
}

/** The Date scalar already refuses what is not a real date; this keeps the DTO honest wherever it is used. */
export function IsCalendarDay(): PropertyDecorator {
  return ValidateBy({
    name: 'isCalendarDay',
    validator: {
      validate: (value: unknown) => isCalendarDate(value),
      defaultMessage: () => '$property must be a real calendar date "YYYY-MM-DD"',
    },
  });
}

export function IsCommandId(): PropertyDecorator {
  return applyDecorators(IsOptional(), IsUUID('all', { message: '$property must be a UUID' }));
}

export { IsOptional };
