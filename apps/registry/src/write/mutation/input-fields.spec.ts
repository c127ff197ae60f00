import 'reflect-metadata';
import { validateSync } from 'class-validator';
import { CalendarDayField, IdentifierField, LongTextField } from './input-fields';

class Probe {
  @IdentifierField() id: unknown = 'TH-1';
  @IdentifierField({ nullable: true }) cbId: unknown = null;
  @CalendarDayField() on: unknown = '2024-02-29';
  @LongTextField() reason: unknown = 'x'.repeat(1000);
}

function failingFields(overrides: Partial<Record<keyof Probe, unknown>>): string[] {
  return validateSync(Object.assign(new Probe(), overrides)).map((error) => error.property);
}

describe('mutation input fields', () => {
  it('check each value against the rule of its kind', () => {
    expect(failingFields({})).toEqual([]);
    expect(failingFields({ id: 'a/b', on: '2023-02-29', reason: 'x'.repeat(1001) })).toEqual(['id', 'on', 'reason']);
  });

  it('let a nullable field be left out or null, and check it when given', () => {
    expect(failingFields({ cbId: null })).toEqual([]);
    expect(failingFields({ cbId: undefined })).toEqual([]);
    expect(failingFields({ cbId: 'a b  c' })).toEqual(['cbId']);
  });

  it('require a field that is not nullable', () => {
    expect(failingFields({ id: null, on: undefined })).toEqual(['id', 'on']);
  });
});
