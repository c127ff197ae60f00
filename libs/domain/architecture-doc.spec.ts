import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DERIVED_FACT_TYPES, DERIVED_RECOGNITION_STREAM, PERMISSIONS, REASON_CODES, RECOGNITION_CONDITIONS, REGISTRY_EVENT_TYPES, RULE_CODE_LIST, STREAM_PREFIXES } from './src';

// The repository's ARCHITECTURE.md is the documentation of the domain's public contract: it must name everything
// the code can answer or refuse with, under the code's names.
const architecture = readFileSync(join(__dirname, '..', '..', 'ARCHITECTURE.md'), 'utf8');
const mentioned = (name: string) => architecture.includes(`\`${name}\``) || architecture.includes(`\`${name}<`);

describe('ARCHITECTURE.md', () => {
  it.each([...REASON_CODES])('explains the recognition reason code %s', (code) => {
    expect(mentioned(code)).toBe(true);
  });

  it('lists every reason code under the condition of the rule it belongs to', () => {
    for (const { number, name, reasons } of RECOGNITION_CONDITIONS) {
      const item = architecture.split(`\n${number}. **${name}**`)[1]?.split(/\n\d\. \*\*|\n\n/)[0];
      expect({ name, item: item !== undefined }).toEqual({ name, item: true });
      for (const code of reasons) expect({ name, code, listed: item?.includes(`\`${code}\``) }).toEqual({ name, code, listed: true });
    }
  });

  it.each(RULE_CODE_LIST)('lists the rule code %s', (code) => {
    expect(mentioned(code)).toBe(true);
  });

  it.each(Object.values(STREAM_PREFIXES))('names the stream %s…', (prefix) => {
    expect(architecture).toContain(`\`${prefix}<`);
  });

  it.each(REGISTRY_EVENT_TYPES)('names the event %s', (type) => {
    expect(mentioned(type)).toBe(true);
  });

  it.each([...DERIVED_FACT_TYPES, DERIVED_RECOGNITION_STREAM])('names the derived fact or stream %s', (name) => {
    expect(mentioned(name)).toBe(true);
  });

  it.each(Object.keys(PERMISSIONS))('says who may send %s', (type) => {
    expect(mentioned(type)).toBe(true);
  });
});
