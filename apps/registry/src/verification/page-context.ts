import { calendarDateOf, type CalendarDate } from '@registry/domain';
import type { FastifyRequest } from 'fastify';
import { chooseLanguage } from './i18n/choose-language';
import { translatorFor, type Language, type Translate } from './i18n/translator';

/** What every page needs to know about the request it answers. */
export type PageContext = {
  language: Language;
  t: Translate;
  /** The request's path and query, for the language switcher's links. */
  path: string;
  query: URLSearchParams;
  /** The origin links in the QR code and the PDF point to. */
  origin: string;
  today: CalendarDate;
};

export function pageContext(request: FastifyRequest): PageContext {
  const language = chooseLanguage(request);
  const [path, search = ''] = request.url.split('?', 2);
  return {
    language,
    t: translatorFor(language),
    path,
    query: new URLSearchParams(search),
    origin: `${request.protocol}://${request.host}`,
    today: calendarDateOf(new Date()),
  };
}

/** The same page in another language. */
export function withLanguage(context: PageContext, language: Language): string {
  const query = new URLSearchParams(context.query);
  query.set('lang', language);
  return `${context.path}?${query.toString()}`;
}

/** A link inside the site that keeps the reader's chosen language when they chose one with the switcher. */
export function localHref(context: PageContext, path: string, params: Record<string, string | null | undefined> = {}): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) if (value !== null && value !== undefined && value !== '') query.set(name, value);
  if (context.query.has('lang')) query.set('lang', context.language);
  const search = query.toString();
  return search === '' ? path : `${path}?${search}`;
}
