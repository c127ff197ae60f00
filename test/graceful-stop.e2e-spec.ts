import { request, type IncomingMessage } from 'node:http';
import { stopGracefully } from '../apps/registry/src/graceful-stop';
import { startRegistry, type RunningRegistry } from './support/in-process-registry';

jest.setTimeout(60_000);

const ADMIN_KEY = 'graceful-stop-e2e-admin-key-0123456789abc';

/** A mutation whose body is sent in two halves: between them the request is in flight on the server. */
function halfSentMutation(baseUrl: string, code: string): { finish(): void; response: Promise<{ status: number; body: string }> } {
  const body = JSON.stringify({
    query: 'mutation($input: RegisterSchemeInput!) { registerScheme(input: $input) { position } }',
    variables: { input: { code, title: `Scheme ${code}` } },
  });
  const url = new URL('/graphql', baseUrl);
  const req = request({
    host: url.hostname,
    port: url.port,
    path: url.pathname,
    method: 'POST',
    headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), authorization: `Bearer ${ADMIN_KEY}` },
  });
  const response = new Promise<{ status: number; body: string }>((resolve, reject) => {
    req.on('response', (res: IncomingMessage) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      res.on('error', reject);
    });
    req.on('error', reject);
  });
  const half = Math.floor(body.length / 2);
  req.write(body.slice(0, half));
  return { finish: () => req.end(body.slice(half)), response };
}

describe('a graceful stop', () => {
  let registry: RunningRegistry | undefined;
  afterEach(async () => {
    await registry?.cleanup();
  });

  it('lets the requests in flight finish, with the read models still following, before it stops the read side and the store', async () => {
    registry = await startRegistry({ config: { adminKey: ADMIN_KEY } });
    const inFlight = Array.from({ length: 6 }, (_, i) => halfSentMutation(registry!.baseUrl, `STOP-${i}`));
    await new Promise((resolve) => setTimeout(resolve, 200));

    const stopping = stopGracefully(registry.app, 20_000);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const refusedConnection = await fetch(new URL('/health', registry.baseUrl)).then(
      () => 'answered',
      () => 'refused',
    );
    for (const request of inFlight) request.finish();
    const answers = await Promise.all(inFlight.map((request) => request.response));
    await stopping;

    expect(refusedConnection).toBe('refused');
    for (const answer of answers) {
      expect(answer.status).toBe(200);
      expect(JSON.parse(answer.body)).toEqual({ data: { registerScheme: { position: expect.any(String) } } });
    }
  });
});
