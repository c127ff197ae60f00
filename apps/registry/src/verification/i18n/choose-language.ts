import Negotiator from 'negotiator';
import type { FastifyRequest } from 'fastify';
import { isLanguage, LANGUAGES, type Language } from './translator';

/** `?lang=` (the switcher's links) wins; then the browser's Accept-Language; then English. */
export function chooseLanguage(request: FastifyRequest): Language {
  const asked = (request.query as Record<string, unknown> | undefined)?.lang;
  if (isLanguage(asked)) return asked;
  const negotiator = new Negotiator({ headers: { 'accept-language': request.headers['accept-language'] } });
  const [preferred] = negotiator.languages([...LANGUAGES]);
  return isLanguage(preferred) ? preferred : 'en';
}
