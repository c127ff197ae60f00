import Database from 'better-sqlite3';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseCheckpoint, parseNote, parseVerifierKey, verifyCosignature } from '@registry/tlog';
import { generateApiKey } from '../../apps/registry/src/auth';
import { initWitnessKey, witnessOnce, type WitnessOptions } from '../../scripts/witness/witness-round';
import { runScript } from '../hostile/support/typescript-child';
import { startRegistry, type RunningRegistry } from '../support/in-process-registry';
import { describeOnEmbeddedStore } from '../support/test-store';

describeOnEmbeddedStore('witnesses co-sign the checkpoints and detect a fork', () => {
  const work = mkdtempSync(join(tmpdir(), 'registry-witness-'));
  const adminKey = generateApiKey().secret;
  let registry: RunningRegistry;
  let forked: RunningRegistry | undefined;
  const witness = (name: string, base: string): WitnessOptions => ({
    registry: base,
    keyFile: join(work, `${name}.pem`),
    name: `witness.${name}.example/w1`,
    stateFile: join(work, `${name}.state.json`),
  });

  async function send(target: RunningRegistry, query: string, variables: Record<string, unknown>, key: string | undefined = adminKey): Promise<unknown> {
    const answer = await target.http.graphql(query, variables, key ? { authorization: `Bearer ${key}` } : {});
    expect(answer.body.errors).toBeUndefined();
    return answer.body.data;
  }

  const registerScheme = (target: RunningRegistry, code: string): Promise<unknown> =>
    send(target, 'mutation($i: RegisterSchemeInput!) { registerScheme(input: $i) { position } }', { i: { code, title: code } });

  /** Waits for the registry to sign every event it holds. */
  async function signedCheckpoint(target: RunningRegistry): Promise<string> {
    for (let attempt = 0; attempt < 60; attempt += 1) {
      const health = await target.http.get<{ log: { treeSize: number; checkpointSize: number } }>('/health');
      if (health.body.log.checkpointSize === health.body.log.treeSize) return (await target.http.get<string>('/checkpoint')).body;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error('the registry did not sign its latest events');
  }

  beforeAll(async () => {
    registry = await startRegistry({ config: { adminKey } });
  }, 60_000);

  afterAll(async () => {
    await forked?.cleanup();
    await registry?.cleanup();
    rmSync(work, { recursive: true, force: true });
  });

  it('two registered witnesses co-sign; the checkpoint carries both cosignatures; an unregistered one is refused', async () => {
    const [th, my, stranger] = [witness('th', registry.baseUrl), witness('my', registry.baseUrl), witness('stranger', registry.baseUrl)];
    for (const w of [th, my]) {
      const verifierKey = initWitnessKey(w.keyFile, w.name);
      await send(registry, 'mutation($i: RegisterWitnessInput!) { registerWitness(input: $i) { position } }', { i: { verifierKey } });
    }
    initWitnessKey(stranger.keyFile, stranger.name);
    await registerScheme(registry, 'W-1');
    await signedCheckpoint(registry);

    expect(await witnessOnce(th)).toMatchObject({ kind: 'cosigned', fromSize: 0 });
    expect(await witnessOnce(my)).toMatchObject({ kind: 'cosigned', fromSize: 0 });
    expect(await witnessOnce(stranger)).toEqual({ kind: 'refused', reason: expect.stringContaining('is not a witness registered by the accreditation body') });

    const note = (await registry.http.get<string>('/checkpoint')).body;
    const { text, signatures } = parseNote(note);
    const keys = [th, my].map((w) => parseVerifierKey(initWitnessKey(w.keyFile, w.name)));
    for (const key of keys) {
      const line = signatures.find((signature) => signature.name === key.name)!;
      expect(verifyCosignature(text, line, key)).toMatchObject({ ok: true });
    }
    const listed = (await send(registry, '{ checkpoint { witnesses } }', {}, undefined)) as { checkpoint: { witnesses: string[] } };
    expect(listed.checkpoint.witnesses).toEqual([my.name, th.name]);
  });

  it('a witness co-signs the next checkpoint once its consistency proof verifies', async () => {
    const th = witness('th', registry.baseUrl);
    const before = parseCheckpoint(await signedCheckpoint(registry)).size;
    await registerScheme(registry, 'W-2');
    const after = parseCheckpoint(await signedCheckpoint(registry)).size;

    expect(await witnessOnce(th)).toEqual({ kind: 'cosigned', treeSize: after, fromSize: before });
  });

  it('detects a fork — a second registry on a copied and edited directory with the same key — and refuses to co-sign', async () => {
    await registry.stop();
    const copy = mkdtempSync(join(tmpdir(), 'registry-fork-'));
    cpSync(registry.dataDir, copy, { recursive: true });
    // The forger rewrites history and lets the registry rebuild its tree and sign anew with the same key.
    const db = new Database(join(copy, 'events.sqlite3'));
    db.prepare("UPDATE events SET data = replace(data, '\"W-1\"', '\"W-X\"') WHERE stream = 'scheme-W-1'").run();
    db.close();
    for (const file of ['log-tree.sqlite3', 'signed-checkpoints.sqlite3']) rmSync(join(copy, file));
    forked = await startRegistry({ dataDir: copy, config: { adminKey } });
    await registerScheme(forked, 'W-3');
    await signedCheckpoint(forked);

    // The real command, as a witness runs it (`npm run witness -- …` runs the same file, built).
    const th = witness('th', forked.baseUrl);
    const cli = await runScript('witness', ['--registry', forked.baseUrl, '--key', th.keyFile, '--name', th.name, '--state', th.stateFile, '--once']);
    const my = witness('my', forked.baseUrl);

    expect(cli).toMatchObject({ code: 3, stdout: expect.stringMatching(/ REFUSED to co-sign: FORK: the checkpoint of \d+ leaves does not extend the one of \d+ leaves already co-signed/) });
    expect(await witnessOnce(my)).toEqual({ kind: 'refused', reason: expect.stringContaining('FORK') });
    expect((await forked.http.get<string>('/checkpoint')).body).not.toContain('witness.');
  }, 30_000);
});
