import { COMPARABILITY_REASON_CODES, REASON_CODES } from '@registry/domain';
import { LANGUAGES, MESSAGES, translatorFor } from './translator';

/** Every key path of a message file, e.g. "reason.CERTIFICATE_EXPIRED.text". */
function keysOf(messages: object, prefix = ''): string[] {
  return Object.entries(messages).flatMap(([key, value]) =>
    typeof value === 'object' && value !== null ? keysOf(value as object, `${prefix}${key}.`) : [`${prefix}${key}`],
  );
}

/** The {{placeholders}} a message fills in. */
function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{(\w+)\}\}/g)].map((match) => match[1]).sort();
}

describe('the message files', () => {
  const english = keysOf(MESSAGES.en).sort();

  it.each(LANGUAGES.filter((language) => language !== 'en'))('%s has every key English has, and no other', (language) => {
    expect(keysOf(MESSAGES[language]).sort()).toEqual(english);
  });

  it.each(LANGUAGES)('%s fills in the same placeholders as English in every message', (language) => {
    const en = translatorFor('en');
    const t = translatorFor(language);
    for (const key of english) {
      const raw = (path: string, messages: object) => path.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], messages);
      expect([key, placeholders(String(raw(key, MESSAGES[language])))]).toEqual([key, placeholders(String(raw(key, MESSAGES.en)))]);
      expect(t(key)).not.toBe(key);
      expect(en(key)).not.toBe('');
    }
  });

  it('explain every reason code of the recognition rule, with what would have to change', () => {
    for (const language of LANGUAGES) {
      const t = translatorFor(language);
      for (const code of REASON_CODES) {
        expect(t(`reason.${code}.text`)).not.toBe(`reason.${code}.text`);
        expect(t(`reason.${code}.change`)).not.toBe(`reason.${code}.change`);
      }
    }
  });

  it("explain every reason code of issue 17's comparability, in every language", () => {
    for (const language of LANGUAGES) {
      const t = translatorFor(language);
      for (const code of COMPARABILITY_REASON_CODES) expect(t(`comparability.reason.${code}`)).not.toBe(`comparability.reason.${code}`);
    }
  });
});
