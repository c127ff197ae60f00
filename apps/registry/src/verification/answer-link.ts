import type { CalendarDate } from '@registry/domain';

/** The shareable link to a live answer: what the QR code, the printout and the PDF point to. No language: the
 * reader's browser chooses it. */
export function answerPath(number: string, country: string, asOf: CalendarDate | null): string {
  const query = new URLSearchParams({ country });
  if (asOf !== null) query.set('asOf', asOf);
  return `/verify/${encodeURIComponent(number)}?${query.toString()}`;
}

/** The same answer as a one-page PDF, in the reader's language. */
export function answerPdfPath(number: string, country: string, asOf: CalendarDate | null, language: string): string {
  const query = new URLSearchParams({ country });
  if (asOf !== null) query.set('asOf', asOf);
  query.set('lang', language);
  return `/verify/${encodeURIComponent(number)}/pdf?${query.toString()}`;
}
