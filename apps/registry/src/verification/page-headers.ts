import type { FastifyReply, FastifyRequest } from 'fastify';
import { Readable } from 'node:stream';
import { constants, createGzip, gzipSync } from 'node:zlib';

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
    .header('vary', 'accept-language, accept-encoding');
}

function acceptsGzip(request: FastifyRequest): boolean {
  const accepted = String(request.headers['accept-encoding'] ?? '');
  return /(^|,)\s*gzip\s*(;\s*q=(1(\.0*)?|0?\.0*[1-9]\d*))?\s*(,|$)/i.test(accepted);
}

/**
 * A page as sent: gzip when the browser takes it (every browser does), so that a page a phone downloads stays
 * small — a 1,000-line bulk table is mostly the same markup again. Node's zlib, not @fastify/compress: that plugin
 * compresses every route, and the API's answers are none of the pages' business. A stream is flushed at every
 * chunk it yields, so the bulk table still arrives as it is checked.
 */
export function sendCompressed(request: FastifyRequest, reply: FastifyReply, body: string | Readable): FastifyReply {
  if (!acceptsGzip(request)) return reply.send(body);
  void reply.header('content-encoding', 'gzip');
  if (typeof body === 'string') return reply.send(gzipSync(body));
  return reply.send(body.pipe(createGzip({ flush: constants.Z_SYNC_FLUSH })));
}

