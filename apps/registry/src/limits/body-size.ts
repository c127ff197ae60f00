import type { FastifyInstance } from 'fastify';
import { Transform, type TransformCallback } from 'node:stream';
import { RegistryError } from '../graphql/registry-error';
import { refuse } from './limit-response';

const REASON = 'PAYLOAD_TOO_LARGE';

function message(limitBytes: number): string {
  return `The request body is larger than the limit of ${limitBytes} bytes`;
}

/** Counts bytes as they stream in, for bodies sent without a Content-Length (chunked). */
class BodyMeter extends Transform {
  private received = 0;

  constructor(private readonly limitBytes: number) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.received += chunk.length;
    if (this.received <= this.limitBytes) {
      done(null, chunk);
      return;
    }
    // Fastify hands a stream error with a statusCode to the route's error handler; GraphQL's formats it.
    const error = new RegistryError('BAD_USER_INPUT', message(this.limitBytes), { reason: REASON, limitBytes: this.limitBytes });
    done(Object.assign(error, { statusCode: 413 }));
  }
}

/**
 * A declared Content-Length over the limit is refused with 413 before one byte of the body is read; a body
 * without one is metered and cut off at the limit. Either way nothing reaches the parser, let alone a resolver.
 */
export function limitBodySize(fastify: FastifyInstance, limitBytes: number): void {
  fastify.addHook('onRequest', async (request, reply) => {
    const declared = Number(request.headers['content-length'] ?? 0);
    if (!(declared > limitBytes)) return;
    // The unread body would otherwise sit in front of the next request on this connection.
    void reply.header('connection', 'close');
    return refuse(reply, 413, 'BAD_USER_INPUT', message(limitBytes), { reason: REASON, limitBytes });
  });
  fastify.addHook('preParsing', async (_request, _reply, payload) => payload.pipe(new BodyMeter(limitBytes)));
}
