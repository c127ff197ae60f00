import i18next, { type TFunction } from 'i18next';
import en from './messages/en.json';
import id from './messages/id.json';
import ms from './messages/ms.json';
import th from './messages/th.json';
import vi from './messages/vi.json';

/** The seed countries' working languages that employers use; English first, the fallback. */
export const LANGUAGES = ['en', 'th', 'vi', 'id', 'ms'] as const;
export type Language = (typeof LANGUAGES)[number];

export const MESSAGES: Record<Language, object> = { en, th, vi, id, ms };

/** Each language's own name, for the switcher. */
export const LANGUAGE_NAMES: Record<Language, string> = {
  en: 'English',
  th: 'ไทย',
  vi: 'Tiếng Việt',
  id: 'Bahasa Indonesia',
  ms: 'Bahasa Melayu',
};

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

const instance = i18next.createInstance();
void instance.init({
  resources: Object.fromEntries(LANGUAGES.map((language) => [language, { translation: MESSAGES[language] }])),
  lng: 'en',
  fallbackLng: 'en',
  supportedLngs: [...LANGUAGES],
  initAsync: false,
  // Pages escape every value they insert; escaping here too would show "&amp;" to readers.
  interpolation: { escapeValue: false },
  returnNull: false,
});

export type Translate = TFunction;

export function translatorFor(language: Language): Translate {
  return instance.getFixedT(language);
}
