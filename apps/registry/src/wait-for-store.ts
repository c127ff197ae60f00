import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { EventStoreUnavailableError } from '@registry/event-store';
import Fastify from 'fastify';
import type { AddressInfo } from 'node:net';
import type { Config } from './config';
import { fastifyLoggerOptions } from './config/logging';
import { refuse } from './limits/limit-response';

/** Between two attempts to open the registry on a store that does not answer. */
const RETRY_MS = 1_000;

export interface Opened {
  app: NestFastifyApplication;
  /** The port to listen on: the one the stand-in held (chosen by the system when PORT is 0). */
  port: number;
}

/**
 * A replica started while its EventStoreDB does not answer starts anyway, as one behind a load balancer should:
 * a stand-in listens on its port — `/health` 503 `down` saying why, every other request SERVICE_UNAVAILABLE
 * (`reason: STORE_UNREACHABLE`) — while the registry is opened again every second; once it opens (the log
 * checked against its checkpoints, the read models caught up), the stand-in hands it the port. Any other
 * refusal to open (a tampered log, a bad setting) ends the wait. The embedded store is a file: not waited for.
 */
export async function openWhenTheStoreAnswers(config: Config, open: () => Promise<NestFastifyApplication>, say: (line: string) => void): Promise<Opened> {
  let reason: string;
  try {
    return { app: await open(), port: config.port };
  } catch (error) {
    if (!(error instanceof EventStoreUnavailableError) || config.eventStoreConnectionString === undefined) throw error;
    reason = error.message;
  }
  const standIn = Fastify({ logger: fastifyLoggerOptions(config.logLevel) });
  standIn.get('/health', async (_request, reply) =>
    reply.code(503).send({
      status: 'down',
      reasons: [`store: the event store does not answer: ${reason}; the registry starts once it does`],
      store: { status: 'down', kind: 'eventstoredb', reachable: false, detail: reason },
    }),
  );
  standIn.all('/*', async (_request, reply) =>
    refuse(reply, 503, 'SERVICE_UNAVAILABLE', 'The registry is starting: its event store does not answer yet. Try again later', { reason: 'STORE_UNREACHABLE' }),
  );
  await standIn.listen({ port: config.port, host: config.host });
  const port = (standIn.server.address() as AddressInfo).port;
  say(`${reason}; listening on port ${port} anyway, /health says down until the store answers`);
  try {
    for (;;) {
      await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
      try {
        const app = await open();
        return { app, port };
      } catch (error) {
        if (!(error instanceof EventStoreUnavailableError)) throw error;
        reason = error.message;
      }
    }
  } finally {
    await standIn.close();
  }
}
