import 'reflect-metadata';
import { validateSync } from 'class-validator';
import { plainToInstance } from 'class-transformer';
import { IsCalendarDay, IsCommandId, IsCountry, IsIdentifier, IsIdentifierList, IsName, IsPlainText } from './input-rules';

class Probe {
  @IsIdentifier() id: unknown = 'ok';
  @IsPlainText() name: unknown = 'ok';
  @IsCountry() country: unknown = 'TH';
  @IsCalendarDay() on: unknown = '2024-02-29';
  @IsIdentifierList() list: unknown = [];
  @IsCommandId() commandId: unknown = undefined;
}

function failingFields(overrides: Partial<Record<keyof Probe, unknown>>): string[] {
  return validateSync(Object.assign(new Probe(), overrides)).map((error) => error.property);
}

describe('mutation input rules', () => {
  it('accept the registry\'s real identifiers and names', () => {
    expect(
      failingFields({
        id: 'APO-PS 101:2023',
        name: 'Nguyễn Thị Minh Khai — ศูนย์เพิ่มผลผลิต',
        list: ['th-ftpi', 'TH-PS-2024-0001', 'my_npc.2'],
        commandId: '0b6c3c1e-2f0a-4d0e-9a55-3f4c2f1d9e10',
      }),
    ).toEqual([]);
  });

  it.each([
    ['empty', ''],
    ['too long', 'A'.repeat(65)],
    ['leading space', ' TH-1'],
    ['trailing space', 'TH-1 '],
    ['double space', 'APO  PS'],
    ['a slash', 'a/b'],
    ['a quote', "x' OR 1=1"],
    ['a newline', 'TH\n1'],
    ['not a string', 42],
  ])('refuse an identifier with %s', (_what, id) => {
    expect(failingFields({ id })).toEqual(['id']);
  });

  it.each([
    ['blank', '   '],
    ['a control character', 'Siti\u0007'],
    ['a right-to-left override', 'evil\u202Etxt.exe'],
    ['a lone surrogate', 'a\uD800b'],
    ['too long', 'x'.repeat(201)],
  ])('refuse a name that is %s', (_what, name) => {
    expect(failingFields({ name })).toEqual(['name']);
  });

  it('refuse countries outside ISO 3166-1 alpha-2', () => {
    expect(failingFields({ country: 'ZZ' })).toEqual(['country']);
    expect(failingFields({ country: 'THA' })).toEqual(['country']);
    expect(failingFields({ country: 'th' })).toEqual([]);
  });

  it('refuse dates that do not exist', () => {
    expect(failingFields({ on: '2023-02-29' })).toEqual(['on']);
    expect(failingFields({ on: '2024-13-01' })).toEqual(['on']);
  });

  it('refuse lists longer than 50 and command ids that are not UUIDs', () => {
    expect(failingFields({ list: Array.from({ length: 51 }, (_, n) => `cb-${n}`) })).toEqual(['list']);
    expect(failingFields({ commandId: 'retry-1' })).toEqual(['commandId']);
  });
});

describe('names a person compares by eye', () => {
  class Named {
    @IsName() name: unknown = 'ok';
  }
  const named = (name: unknown): Named => plainToInstance(Named, { name });
  const failures = (name: unknown): string[] => validateSync(named(name)).map((error) => error.property);

  it.each([
    ['a zero-width space', 'Siti\u200BRahmawati'],
    ['a right-to-left mark', 'Siti\u200FRahmawati'],
    ['an Arabic letter mark', 'Siti\u061CRahmawati'],
    ['a byte-order mark', '\uFEFFSiti'],
    ['a pile of combining marks', `Siti${'\u0301'.repeat(300)}`],
  ])('refuse %s', (_what, name) => {
    expect(failures(name)).toEqual(['name']);
  });

  it('keep the joiners that Sinhala and Persian spell with, and Thai and Vietnamese marks', () => {
    expect(failures('ශ්‍රී ලංකා')).toEqual([]);
    expect(failures('می‌خواهم')).toEqual([]);
    expect(failures('ศูนย์เพิ่มผลผลิต Nguyễn')).toEqual([]);
  });

  it('store one spelling: decomposed letters are composed (NFC)', () => {
    expect(named('Nguye\u0302\u0303n').name).toBe('Nguy\u1EC5n');
  });
});
