import { randomUUID } from 'node:crypto';
import { openSqliteEventStore } from '@registry/event-store';
import type { RecordedEvent } from '@registry/event-store';
import { makeTempDataDir } from '@registry/event-store/sqlite/testing/temp-data-dir';
import type { RegistryError } from '../../graphql/registry-error';
import { isApplicationError, toGraphQLError } from '../../graphql/to-graphql-error';
import type { CommandDraft } from './command-draft';
import { MAX_ATTEMPTS } from './until-settled';
import { AB, barrierOf, cbActor, fixedClock, ObservedStore, startPipeline, type Pipeline } from './testing/pipeline-harness';

const PS = 'APO-PS 101:2023';
const GPS = 'APO-GPS 201:2023';
const NOW = '2024-07-10T08:30:00.000Z';
const FTPI = cbActor('th-ftpi');

const registerScheme = (code: string): CommandDraft => ({
  type: 'RegisterScheme',
  data: { code, title: `Scheme ${code}` },
  actor: AB,
});

const accredit = (cbId: string, country: string, scope: string[]): CommandDraft => ({
  type: 'AccreditCertificationBody',
  data: { cbId, name: `${cbId} body`, country, scope, accreditedOn: '2024-01-01', validUntil: '2027-12-31' },
  actor: AB,
});

const issue = (number: string, holderName = 'Siti Rahmawati', schemeCode = PS): CommandDraft => ({
  type: 'IssueCertificate',
  data: { number, cbId: 'th-ftpi', schemeCode, holderName, issuedOn: '2024-03-01', validUntil: '2027-02-28' },
  actor: FTPI,
});

/** The refusal as the GraphQL edge will report it (the pipeline throws application errors). */
async function refusalOf(promise: Promise<unknown>): Promise<RegistryError> {
  const error = await promise.then(
    () => new Error('expected a refusal, but the command was accepted'),
    (reason: unknown) => reason,
  );
  if (!isApplicationError(error)) throw error;
  return toGraphQLError(error);
}

describe('the command pipeline on the embedded store', () => {
  let dir: ReturnType<typeof makeTempDataDir>;
  let store: ObservedStore;
  let pipeline: Pipeline;

  const lastPosition = async (): Promise<bigint> => (await store.readAll({ direction: 'backwards', maxCount: 1 }))[0]?.position ?? 0n;
  const streamOf = (name: string): Promise<RecordedEvent[]> => store.readStream(name);

  async function open(): Promise<void> {
    store = new ObservedStore(await openSqliteEventStore({ dataDir: dir.dataDir }));
    pipeline = await startPipeline(store, fixedClock(NOW));
  }

  // One store for the file (each test uses its own streams): opening and seeding costs more than the tests.
  beforeAll(async () => {
    dir = makeTempDataDir('write-pipeline');
    await open();
    await pipeline.send(registerScheme(PS));
    await pipeline.send(registerScheme(GPS));
    await pipeline.send(accredit('th-ftpi', 'TH', [PS]));
  });

  beforeEach(() => {
    store.appends = 0;
    store.conflicts = 0;
    store.beforeAppend = null;
  });

  afterAll(async () => {
    await pipeline.close();
    dir.remove();
  });

  describe('appending', () => {
    it('appends the decided event at the next revision and reports its stream, revision and position', async () => {
      const outcome = await pipeline.send(issue('TH-PS-2024-0001'));

      const [recorded] = await streamOf('certificate-TH-PS-2024-0001');
      expect(outcome.events).toEqual([
        { stream: 'certificate-TH-PS-2024-0001', revision: 0, position: String(recorded.position), type: 'CertificateIssued' },
      ]);
      expect(outcome.position).toBe(recorded.position);
      expect(outcome.replayed).toBe(false);
    });

    it('records who, why and when in the metadata of every event', async () => {
      const commandId = randomUUID();

      await pipeline.send(issue('TH-PS-2024-0002'), commandId);

      const [recorded] = await streamOf('certificate-TH-PS-2024-0002');
      expect(recorded.metadata).toEqual({
        schemaVersion: 2,
        commandId,
        commandType: 'IssueCertificate',
        correlationId: commandId,
        causationId: commandId,
        commandHash: expect.stringMatching(/^[0-9a-f]{64}$/),
        actor: { keyId: 'key-th-ftpi', role: 'CERTIFICATION_BODY', cbId: 'th-ftpi' },
        recordedAt: NOW,
      });
    });

    it('decides on facts read from other streams: a certificate needs its CB accredited for the scheme', async () => {
      const before = await lastPosition();

      const refused = await refusalOf(pipeline.send(issue('TH-GPS-2024-0001', 'Siti Rahmawati', GPS)));

      expect(refused.extensions).toMatchObject({ code: 'RULE_VIOLATED', rule: 'SCHEME_NOT_IN_ACCREDITATION_SCOPE', field: 'input.schemeCode' });
      expect(await lastPosition()).toBe(before);
    });

    it('reports a refused rule with its kind as the code: an unknown CB is NOT_FOUND, and nothing is written', async () => {
      const before = await lastPosition();

      const refused = await refusalOf(
        pipeline.send({ type: 'SuspendAccreditation', data: { cbId: 'xx-none', effectiveOn: '2024-05-01', reason: 'audit' }, actor: AB }),
      );

      expect(refused.extensions).toMatchObject({ code: 'NOT_FOUND', rule: 'CB_NOT_FOUND' });
      expect(await lastPosition()).toBe(before);
    });

    it('reads old events through the upcaster: a v1 CertificateIssued (holder, not holderName) can be renewed', async () => {
      await store.append(
        'certificate-TH-PS-2019-0007',
        [
          {
            id: randomUUID(),
            type: 'CertificateIssued',
            data: { number: 'TH-PS-2019-0007', cbId: 'th-ftpi', schemeCode: PS, holder: 'Old Holder', issuedOn: '2024-02-01', validUntil: '2025-01-31' },
            metadata: { schemaVersion: 1 },
          },
        ],
        { expectedRevision: 'no_stream' },
      );

      await pipeline.send({ type: 'RenewCertificate', data: { number: 'TH-PS-2019-0007', effectiveOn: '2025-01-15', validUntil: '2028-01-14' }, actor: FTPI });

      expect((await streamOf('certificate-TH-PS-2019-0007')).map((e) => e.type)).toEqual(['CertificateIssued', 'CertificateRenewed']);
    });
  });

  describe('concurrency', () => {
    it('lets one of two concurrent issues of the same number win; the other is re-decided and refused by the rule', async () => {
      store.beforeAppend = barrierOf(2);
      const results = await Promise.allSettled([pipeline.send(issue('TH-PS-2024-0100', 'A')), pipeline.send(issue('TH-PS-2024-0100', 'B'))]);

      const accepted = results.filter((r) => r.status === 'fulfilled');
      const refused = results.flatMap((r) => (r.status === 'rejected' ? [toGraphQLError(r.reason as Parameters<typeof toGraphQLError>[0])] : []));
      expect(accepted).toHaveLength(1);
      expect(refused).toHaveLength(1);
      expect(refused[0].extensions).toMatchObject({ code: 'CONFLICT', rule: 'CERTIFICATE_NUMBER_TAKEN' });
      expect(store.conflicts).toBe(1);
      expect(await streamOf('certificate-TH-PS-2024-0100')).toHaveLength(1);
    });

    it('re-decides on fresh state after a conflict and appends both when both still hold', async () => {
      await pipeline.send(accredit('my-npc', 'MY', [PS]));
      store.appends = 0;
      store.beforeAppend = barrierOf(2);

      const results = await Promise.allSettled([
        pipeline.send({ type: 'ExtendAccreditationScope', data: { cbId: 'my-npc', schemes: [GPS], effectiveOn: '2024-06-01' }, actor: AB }),
        pipeline.send({ type: 'SuspendAccreditation', data: { cbId: 'my-npc', effectiveOn: '2024-06-01', reason: 'audit findings' }, actor: AB }),
      ]);

      expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled']);
      expect(store.conflicts).toBe(1);
      const types = (await streamOf('cb-my-npc')).map((e) => e.type);
      expect(types).toHaveLength(3);
      expect(types).toEqual(expect.arrayContaining(['AccreditationScopeExtended', 'AccreditationSuspended']));
    });

    it(`gives up with CONFLICT after ${MAX_ATTEMPTS} attempts when the stream moves before every append`, async () => {
      store.beforeAppend = async (stream) => {
        await store.inner.append(stream, [{ id: randomUUID(), type: 'NeighbourNoted', data: {}, metadata: {} }], { expectedRevision: 'any' });
      };

      const refused = await refusalOf(pipeline.send(issue('TH-PS-2024-0200')));

      expect(refused.extensions).toMatchObject({ code: 'CONFLICT', attempts: MAX_ATTEMPTS });
      expect(store.conflicts).toBe(MAX_ATTEMPTS);
      expect((await streamOf('certificate-TH-PS-2024-0200')).map((e) => e.type)).not.toContain('CertificateIssued');
    });
  });

  describe('idempotency by command id', () => {
    it('returns the first outcome for a repeated command id and appends nothing', async () => {
      const commandId = randomUUID();
      const first = await pipeline.send(issue('TH-PS-2024-0300'), commandId);
      const before = await lastPosition();

      const again = await pipeline.send(issue('TH-PS-2024-0300'), commandId);

      expect(again).toEqual({ ...first, replayed: true });
      expect(await lastPosition()).toBe(before);
    });

    it('appends once when two identical requests race with the same command id', async () => {
      const commandId = randomUUID();

      const [a, b] = await Promise.all([pipeline.send(issue('TH-PS-2024-0301'), commandId), pipeline.send(issue('TH-PS-2024-0301'), commandId)]);

      expect(store.appends).toBe(2);
      expect(store.conflicts).toBe(0); // the twin's append found its own deterministic ids already in place
      expect(a.events).toEqual(b.events);
      expect(await streamOf('certificate-TH-PS-2024-0301')).toHaveLength(1);
    });

    it('refuses the loser of a race that sent another command under the same id, keeping the winner alone', async () => {
      const commandId = randomUUID();
      const createKey = (keyHash: string): CommandDraft => ({
        type: 'CreateApiKey',
        data: { keyId: 'k-race', role: 'AUDITOR', label: 'auditor', keyHash },
        actor: AB,
      });

      const outcomes = await Promise.allSettled([pipeline.send(createKey('a'.repeat(64)), commandId), pipeline.send(createKey('b'.repeat(64)), commandId)]);

      expect(store.appends).toBe(2);
      expect(store.conflicts).toBe(0);
      expect(outcomes.map((o) => o.status).sort()).toEqual(['fulfilled', 'rejected']);
      const refused = toGraphQLError(outcomes.find((o): o is PromiseRejectedResult => o.status === 'rejected')?.reason as Parameters<typeof toGraphQLError>[0]);
      expect(refused.extensions).toMatchObject({ code: 'CONFLICT', reason: 'COMMAND_ID_REUSED' });
      expect(await streamOf('apikey-k-race')).toHaveLength(1);
    });

    it('refuses the same command id sent again by the same key with another input, recording nothing', async () => {
      const commandId = randomUUID();
      await pipeline.send(issue('TH-PS-2024-0304'), commandId);
      const before = await lastPosition();

      const refused = await refusalOf(pipeline.send(issue('TH-PS-2024-0304', 'Someone Else'), commandId));

      expect(refused.extensions).toMatchObject({ code: 'CONFLICT', reason: 'COMMAND_ID_REUSED', commandId });
      expect(await lastPosition()).toBe(before);
    });

    it("scopes command ids by key: another key's use of the same id neither replays nor blocks", async () => {
      const commandId = randomUUID();
      await pipeline.send(issue('TH-PS-2024-0305'), commandId);
      const secondKey = { ...FTPI, keyId: 'key-th-ftpi-second' };

      const replayedForOther = await refusalOf(pipeline.send({ ...issue('TH-PS-2024-0305'), actor: secondKey }, commandId));
      const own = await pipeline.send({ ...issue('TH-PS-2024-0306'), actor: secondKey }, commandId);

      // Decided afresh: the certificate exists, so the other key's command is refused by the rules, not replayed.
      expect(replayedForOther.extensions).toMatchObject({ code: 'CONFLICT' });
      expect(replayedForOther.extensions.reason).not.toBe('COMMAND_ID_REUSED');
      expect(own.replayed).toBe(false);
      expect(await streamOf('certificate-TH-PS-2024-0306')).toHaveLength(1);
    });

    it('still recognises the command id after a restart on the same data directory', async () => {
      const commandId = randomUUID();
      const first = await pipeline.send(issue('TH-PS-2024-0302'), commandId);
      await pipeline.close();
      await open();
      const before = await lastPosition();

      const again = await pipeline.send(issue('TH-PS-2024-0302'), commandId);

      expect(again.events).toEqual(first.events);
      expect(await lastPosition()).toBe(before);
    });

    it('refuses a command id already used for another kind of command on the same stream', async () => {
      const commandId = randomUUID();
      await pipeline.send(issue('TH-PS-2024-0303'), commandId);

      const refused = await refusalOf(
        pipeline.send({ type: 'SuspendCertificate', data: { number: 'TH-PS-2024-0303', effectiveOn: '2024-04-01', reason: 'complaint' }, actor: FTPI }, commandId),
      );

      expect(refused.extensions).toMatchObject({ code: 'CONFLICT', commandId });
    });
  });
});
