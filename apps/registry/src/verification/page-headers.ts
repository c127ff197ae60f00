import type { FastifyReply } from 'fastify';

/**
 * No inline script or style, nothing from another origin, no framing: the pages need only their own stylesheet
 * and font. The QR code is inline SVG markup, which needs no source.
 */
export const PAGE_CSP = [
  "default-src 'none'",
  "style-src 'self'",
  "font-src 'self'",
  "img-src 'self'",
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

export function withPageHeaders(reply: FastifyReply): FastifyReply {
  return reply
    .header('content-security-policy', PAGE_CSP)
    .header('x-content-type-options', 'nosniff')
    .header('referrer-policy', 'no-referrer')
    .header('cache-control', 'no-store')
    .header('vary', 'accept-language');
}
