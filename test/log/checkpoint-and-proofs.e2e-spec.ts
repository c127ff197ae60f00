import { canonicalEventBytes } from '@registry/domain/log/canonical-event';
import { hashLeaf, openNote, parseCheckpoint, parseVerifierKey, rootOf, verifyConsistency, verifyInclusion } from '@registry/tlog';
import { generateApiKey } from '../../apps/registry/src/auth';
import { startRegistry, type RunningRegistry } from '../support/in-process-registry';

type Ref = { stream: string; revision: number; position: string; leafIndex: number | null };

const b64 = (text: string): Buffer => Buffer.from(text, 'base64');

describe('the signed log over HTTP: checkpoints, keys, proofs and entries', () => {
  let registry: RunningRegistry;
  let adminKey: string;
  let auditorKey: string;
  const auth = (key: string) => ({ authorization: `Bearer ${key}` });

  async function mutate<T>(query: string, variables: Record<string, unknown>, key = adminKey): Promise<T> {
    const answer = await registry.http.graphql<T>(query, variables, auth(key));
    expect(answer.body.errors).toBeUndefined();
    return answer.body.data!;
  }

  const registerScheme = async (code: string): Promise<Ref> => {
    const data = await mutate<{ registerScheme: { events: Ref[] } }>(
      'mutation($i: RegisterSchemeInput!) { registerScheme(input: $i) { events { stream revision position leafIndex } } }',
      { i: { code, title: `Scheme ${code}` } },
    );
    return data.registerScheme.events[0];
  };

  /** The latest checkpoint once it covers `size` leaves (the registry signs within a second). */
  async function checkpointCovering(size: number): Promise<string> {
    for (let attempt = 0; attempt < 60; attempt += 1) {
      const response = await registry.http.get<string>('/checkpoint');
      if (response.status === 200 && parseCheckpoint(response.body).size >= size) return response.body;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`no checkpoint of ${size} leaves`);
  }

  beforeAll(async () => {
    adminKey = generateApiKey().secret;
    registry = await startRegistry({ config: { adminKey } });
    const created = await mutate<{ createApiKey: { key: string } }>(
      'mutation($i: CreateApiKeyInput!) { createApiKey(input: $i) { key } }',
      { i: { role: 'AUDITOR', label: 'auditor' } },
    );
    auditorKey = created.createApiKey.key;
  }, 60_000);

  afterAll(async () => {
    await registry?.cleanup();
  });

  it('gives every EventRef of a command result its leafIndex, proved included in a signed checkpoint by the published key', async () => {
    const ref = await registerScheme('TLOG-1');
    expect(ref.leafIndex).toEqual(expect.any(Number));

    const note = await checkpointCovering(ref.leafIndex! + 1);
    const keys = await registry.http.get<{ keys: Array<{ kty: string; crv: string; alg: string; kid: string; x: string }>; noteVerifierKey: string }>(
      '/.well-known/registry-keys',
    );
    const verifier = parseVerifierKey(keys.body.noteVerifierKey);
    expect(openNote(note, verifier).ok).toBe(true);
    expect(keys.body.keys).toEqual([expect.objectContaining({ kty: 'OKP', crv: 'Ed25519', alg: 'EdDSA', kid: verifier.keyId.toString('hex') })]);
    expect(Buffer.from(keys.body.keys[0].x, 'base64url')).toEqual(verifier.publicKey);
    const checkpoint = parseCheckpoint(note);

    const proof = await registry.http.graphql<{ inclusionProof: { leafIndex: number; treeSize: number; leafHash: string; hashes: string[] } }>(
      'query($l: Int!, $t: Int!) { inclusionProof(leafIndex: $l, treeSize: $t) { leafIndex treeSize leafHash hashes } }',
      { l: ref.leafIndex, t: checkpoint.size },
    );
    const { leafHash, hashes } = proof.body.data!.inclusionProof;
    expect(verifyInclusion(ref.leafIndex!, checkpoint.size, b64(leafHash), hashes.map(b64), checkpoint.rootHash)).toEqual({ ok: true });

    // The leaf is the hash of the event's canonical bytes, as an auditor recomputes them from `history`.
    const history = await registry.http.graphql<{ history: Array<{ id: string; stream: string; revision: number; type: string; data: string; metadata: string; leafIndex: number }> }>(
      'query($s: String!) { history(stream: $s) { id stream revision type data metadata leafIndex } }',
      { s: ref.stream },
      auth(auditorKey),
    );
    const [event] = history.body.data!.history;
    expect(event.leafIndex).toBe(ref.leafIndex);
    const recomputed = hashLeaf(canonicalEventBytes({ ...event, data: JSON.parse(event.data), metadata: JSON.parse(event.metadata) }));
    expect(recomputed.toString('base64')).toBe(leafHash);

    const rest = await registry.http.get<{ hashes: string[]; leafHash: string }>(`/log/proof/inclusion?leafIndex=${ref.leafIndex}&treeSize=${checkpoint.size}`);
    expect(rest.body).toEqual({ leafIndex: ref.leafIndex, treeSize: checkpoint.size, leafHash, hashes });
  });

  it('proves each newer checkpoint consistent with an older one, in GraphQL and over REST', async () => {
    const older = parseCheckpoint(await checkpointCovering(1));
    const ref = await registerScheme('TLOG-2');
    const newer = parseCheckpoint(await checkpointCovering(ref.leafIndex! + 1));
    expect(newer.size).toBeGreaterThan(older.size);

    const answer = await registry.http.graphql<{ consistencyProof: { hashes: string[] } }>(
      'query($f: Int!, $t: Int!) { consistencyProof(fromSize: $f, toSize: $t) { fromSize toSize hashes } }',
      { f: older.size, t: newer.size },
    );
    const hashes = answer.body.data!.consistencyProof.hashes.map(b64);
    expect(verifyConsistency(older.size, newer.size, older.rootHash, newer.rootHash, hashes)).toEqual({ ok: true });
    const rest = await registry.http.get<{ hashes: string[] }>(`/log/proof/consistency?fromSize=${older.size}&toSize=${newer.size}`);
    expect(rest.body.hashes.map(b64)).toEqual(hashes);

    const listed = await registry.http.graphql<{ checkpoints: Array<{ treeSize: number; rootHash: string }> }>(
      'query($f: Int, $t: Int) { checkpoints(from: $f, to: $t) { treeSize rootHash } }',
      { f: older.size, t: newer.size },
    );
    expect(listed.body.data!.checkpoints[0]).toEqual({ treeSize: older.size, rootHash: older.rootHash.toString('base64') });
  });

  it('serves the canonical entries to AUDITOR keys only, and they hash to the signed root', async () => {
    const checkpoint = parseCheckpoint(await checkpointCovering(1));

    expect((await registry.http.get(`/log/entries?start=0&end=${checkpoint.size}`)).status).toBe(401);
    expect((await registry.http.get(`/log/entries?start=0&end=${checkpoint.size}`, auth(adminKey))).status).toBe(403);
    const entries = await registry.http.get<{ entries: Array<{ leafIndex: number; canonical: string }> }>(`/log/entries?start=0&end=${checkpoint.size}`, auth(auditorKey));

    expect(entries.body.entries.map((entry) => entry.leafIndex)).toEqual(Array.from({ length: checkpoint.size }, (_, i) => i));
    expect(rootOf(entries.body.entries.map((entry) => hashLeaf(Buffer.from(entry.canonical, 'utf8'))))).toEqual(checkpoint.rootHash);
  });

  it('refuses proofs outside the tree as BAD_USER_INPUT naming the argument', async () => {
    const answer = await registry.http.graphql('query { inclusionProof(leafIndex: 0, treeSize: 1000000) { hashes } }');
    expect(answer.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [expect.objectContaining({ path: 'treeSize' })] });
    const rest = await registry.http.get<{ error: { code: string } }>('/log/proof/consistency?fromSize=5&toSize=abc');
    expect(rest.status).toBe(400);
    expect(rest.body.error.code).toBe('BAD_USER_INPUT');
  });

  it('reports the log verified in /health', async () => {
    const health = await registry.http.get<{ status: string; log: { status: string } }>('/health');
    expect(health.body).toMatchObject({ status: 'up', log: { status: 'verified' } });
  });
});
