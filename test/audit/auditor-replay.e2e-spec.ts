import type { TransparencyLog } from '@registry/tlog';
import { generateApiKey } from '../../apps/registry/src/auth';
import { TRANSPARENCY_LOG } from '../../apps/registry/src/transparency/transparency-log.token';
import { loadDemo } from '../../scripts/demo/load-demo';
import { compareWithRegistry } from '../../scripts/audit/compare-registry';
import { checkExportAgainstCheckpoint, ExportReplay, parseExport, parseQuestion, type Question } from '../../scripts/audit/replay-export';
import { startRegistry, type RunningRegistry } from '../support/in-process-registry';
import { query } from '../read/support/read-registry';

const DATES = ['2024-06-01', '2025-03-15', '2026-06-01'];
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("the auditor's replay of an export, against the API", () => {
  let registry: RunningRegistry;
  let auditorKey: string;
  /** An instant between the demo and a backdated correction recorded after it. */
  let beforeCorrection: string;

  beforeAll(async () => {
    const adminKey = generateApiKey().secret;
    registry = await startRegistry({ config: { adminKey } });
    auditorKey = (await loadDemo(registry.app, adminKey)).auditorKey!;
    await pause(5);
    beforeCorrection = new Date().toISOString();
    await pause(5);
    const correction = await query(
      registry,
      'mutation($input: SuspendCertificateInput!) { suspendCertificate(input: $input) { position } }',
      { input: { number: 'TH-PS-2024-0001', effectiveOn: '2025-03-12', reason: 'complaint upheld after review' } },
      (await query<{ createApiKey: { key: string } }>(
        registry,
        'mutation { createApiKey(input: { role: CERTIFICATION_BODY, cbId: "th-ftpi", label: "replay test" }) { key } }',
        {},
        adminKey,
      )).data!.createApiKey.key,
    );
    expect(correction.errors).toEqual([]);
  }, 120_000);

  afterAll(async () => {
    await registry?.cleanup();
  });

  /** What an auditor fetches: the log's entries (AUDITOR key) and the latest signed checkpoint. */
  async function fetchExport(): Promise<{ lines: ReturnType<typeof parseExport>; checkpoint: string }> {
    const log = registry.app.get<TransparencyLog>(TRANSPARENCY_LOG);
    for (let waited = 0; log.latestCheckpoint()?.treeSize !== log.tree.size && waited < 5_000; waited += 100) await pause(100);
    const checkpoint = (await registry.http.request<string>('GET', '/checkpoint', undefined, { authorization: `Bearer ${auditorKey}` })).body;
    const size = Number(String(checkpoint).split('\n')[1]);
    const text: string[] = [];
    for (let start = 0; start < size; start += 1_000) {
      const page = await registry.http.request<{ entries: { leafIndex: number; canonical: string }[] }>(
        'GET',
        `/log/entries?start=${start}&end=${Math.min(start + 1_000, size)}`,
        undefined,
        { authorization: `Bearer ${auditorKey}` },
      );
      text.push(...page.body.entries.map((entry) => JSON.stringify(entry)));
    }
    return { lines: parseExport(text.join('\n')), checkpoint: String(checkpoint) };
  }

  it('agrees with the API on every question of the demo data set, as known now and as known before a backdated correction', async () => {
    const { lines, checkpoint } = await fetchExport();
    const verifierKey = (await registry.http.request<{ noteVerifierKey: string }>('GET', '/.well-known/registry-keys', undefined, { authorization: `Bearer ${auditorKey}` })).body.noteVerifierKey;
    expect(checkExportAgainstCheckpoint(lines, checkpoint, verifierKey)).toBe(lines.length);
    const replay = new ExportReplay(lines);

    const questions: Question[] = [];
    for (const certificateNumber of replay.certificateNumbers()) {
      for (const country of replay.countries()) {
        for (const asOf of DATES) questions.push({ certificateNumber, country, asOf, knownAt: null }, { certificateNumber, country, asOf, knownAt: beforeCorrection });
      }
    }
    expect(replay.certificateNumbers()).toHaveLength(12);
    expect(replay.countries()).toHaveLength(10);

    expect(await compareWithRegistry(replay, questions, registry.baseUrl, auditorKey)).toEqual([]);
    const [now, then] = ['', ` ${beforeCorrection}`].map((knownAt) => replay.answer(parseQuestion(`TH-PS-2024-0001 MY 2025-03-15${knownAt}`)));
    expect(then).toMatchObject({ recognized: true, basis: 'ARRANGEMENT' });
    expect(now).toMatchObject({ recognized: false, reasonCodes: ['CERTIFICATE_SUSPENDED'] });
  }, 120_000);

  it('refuses an export that is not the log the checkpoint signs, naming why', async () => {
    const { lines, checkpoint } = await fetchExport();
    // One validUntil moved from 2027 to 2035, as in the tampering.
    const target = lines.findIndex((line) => line.canonical.includes('"validUntil":"2027'));
    const edited = lines.map((line, index) => (index === target ? { ...line, canonical: line.canonical.replace('"validUntil":"2027', '"validUntil":"2035') } : line));
    expect(edited[target].canonical).not.toEqual(lines[target].canonical);
    expect(() => checkExportAgainstCheckpoint(edited, checkpoint)).toThrow(/is not the checkpoint's/);
    expect(() => checkExportAgainstCheckpoint(lines.slice(0, -1), checkpoint)).toThrow(/holds \d+ leaves, the checkpoint signs \d+/);
  }, 60_000);
});
