import { calendarDateOf, type CalendarDate } from '@registry/domain';
import type { FastifyRequest } from 'fastify';
import type { AddressInfo } from 'node:net';
import { chooseLanguage } from './i18n/choose-language';
import { translatorFor, type Language, type Translate } from './i18n/translator';

/** What every page needs to know about the request it answers. */
export type PageContext = {
  language: Language;
  t: Translate;
  /** The request's path and query, for the language switcher's links. */
  path: string;
  query: URLSearchParams;
  /** The origin links in the QR code, the printout and the PDF point to: the configured public URL, never the Host header. */
  origin: string;
  /** The log no longer matches the checkpoints the registry signed (served with --allow-tampered-log). */
  tampered: boolean;
  /** The app's clock, as the API reads it: "today", and the instant a knownAt must not be after. */
  now: Date;
  today: CalendarDate;
};

/** What the pages know of the registry serving them. */
export interface PageSite {
  /** REGISTRY_PUBLIC_URL, without a trailing slash; unset, the address and port listened on (localhost for all interfaces). */
  publicUrl: string | undefined;
  tampered(): boolean;
  now(): Date;
}

/**
 * The absolute address links are built on. A request's Host header is written by the caller, so it never is: a
 * page fetched with `Host: evil.example` would otherwise hand out a QR code leading there.
 */
function originOf(request: FastifyRequest, site: PageSite): string {
  if (site.publicUrl !== undefined) return site.publicUrl;
  const bound = request.server.server.address() as AddressInfo | null;
  if (bound === null) return 'http://localhost';
  const host = bound.address === '0.0.0.0' || bound.address === '::' ? 'localhost' : bound.family === 'IPv6' ? `[${bound.address}]` : bound.address;
  return `http://${host}:${bound.port}`;
}

export function pageContext(request: FastifyRequest, site: PageSite): PageContext {
  const language = chooseLanguage(request);
  const now = site.now();
  const [path, search = ''] = request.url.split('?', 2);
  return {
    language,
    t: translatorFor(language),
    path,
    query: new URLSearchParams(search),
    origin: originOf(request, site),
    tampered: site.tampered(),
    now,
    today: calendarDateOf(now),
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
