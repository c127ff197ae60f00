import { createServer, connect, type Server, type Socket } from 'node:net';

/**
 * A TCP proxy between the registry and its store that a test can turn against it: `freeze` holds every byte
 * both ways (a store that stops answering), `down` cuts every connection and refuses new ones (a store that is
 * gone), `heal` lets traffic through again. What an operator's fault proxy does, in the test's own process.
 */
export interface FaultProxy {
  /** Where the registry connects instead of the store. */
  readonly port: number;
  freeze(): void;
  down(): void;
  heal(): void;
  close(): Promise<void>;
}

export async function startFaultProxy(target: { host: string; port: number }): Promise<FaultProxy> {
  let mode: 'open' | 'frozen' | 'down' = 'open';
  const pairs = new Set<[Socket, Socket]>();
  const held: Array<() => void> = [];

  const server: Server = createServer((client) => {
    if (mode === 'down') return void client.destroy();
    const upstream = connect(target.port, target.host);
    const pair: [Socket, Socket] = [client, upstream];
    pairs.add(pair);
    const relay = (from: Socket, to: Socket): void => {
      from.on('data', (chunk: Buffer) => {
        if (mode === 'frozen') held.push(() => to.write(chunk));
        else to.write(chunk);
      });
    };
    relay(client, upstream);
    relay(upstream, client);
    const end = (): void => {
      pairs.delete(pair);
      client.destroy();
      upstream.destroy();
    };
    client.on('close', end).on('error', end);
    upstream.on('close', end).on('error', end);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('the fault proxy has no port');

  return {
    port: address.port,
    freeze: () => {
      mode = 'frozen';
    },
    down: () => {
      mode = 'down';
      held.length = 0;
      for (const [client, upstream] of pairs) {
        client.destroy();
        upstream.destroy();
      }
      pairs.clear();
    },
    heal: () => {
      mode = 'open';
      for (const release of held.splice(0)) release();
    },
    close: async () => {
      mode = 'down';
      for (const [client, upstream] of pairs) {
        client.destroy();
        upstream.destroy();
      }
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
