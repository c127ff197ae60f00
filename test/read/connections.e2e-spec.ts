import type { RegistryEvent } from '@registry/domain';
import { skills } from '@registry/domain/skills/testing/events';
import { build } from '@registry/projections/testing/sample-registry';
import { startRegistry, type RunningRegistry } from '../support/in-process-registry';
import { query, record, recordApiKey, type GraphqlError } from './support/read-registry';

const pathsOf = (error: GraphqlError): string[] => ((error.extensions?.fields as { path: string }[] | undefined) ?? []).map((field) => field.path);

/** A page smaller than every list below, so each is walked over several pages. */
const PAGE = 3;
const SEVEN = [0, 1, 2, 3, 4, 5, 6];
const CB = 'pg-cb-00';
const SCHEME = 'PG-S-0';
const CERTIFICATE = 'PG-C-00';
const COUNTRIES = ['BN', 'KH', 'ID', 'LA', 'MM', 'PH', 'SG'];

type Edge = { cursor: string; node: Record<string, unknown> };
type Connection = { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: Edge[] };

/** One connection of the API: the query field, its other arguments, the node field that names an item, and the
 * plain list beside it (none for history, whose list pages by revision already, and certificates). */
type Listing = { field: string; args?: string; id: string; plain?: string; key?: 'auditor' | 'cb' };

const LISTINGS: Listing[] = [
  { field: 'certificationBodiesConnection', id: 'id', plain: 'certificationBodies' },
  { field: 'certificationBodiesConnection', args: 'country: "TH", knownAt: "KNOWN_AT"', id: 'id', plain: 'certificationBodies' },
  { field: 'schemesConnection', id: 'code', plain: 'schemes' },
  { field: 'arrangementsConnection', id: 'id', plain: 'arrangements' },
  { field: 'arrangementsConnection', args: `country: "MY", scheme: "${SCHEME}", asOf: "2024-06-01"`, id: 'id', plain: 'arrangements' },
  { field: 'nationalFrameworksConnection', id: 'country', plain: 'nationalFrameworks' },
  { field: 'nationalQualificationsConnection', id: 'id', plain: 'nationalQualifications' },
  { field: 'nationalQualificationsConnection', args: 'country: "KH"', id: 'id', plain: 'nationalQualifications' },
  { field: 'priorityOccupationsConnection', id: 'code', plain: 'priorityOccupations' },
  { field: 'checkpointsConnection', args: 'from: 2', id: 'treeSize', plain: 'checkpoints' },
  { field: 'watchesConnection', id: 'watchId', plain: 'watches', key: 'cb' },
  { field: 'certificates', args: 'asOf: "2024-06-01"', id: 'number', key: 'cb' },
  { field: 'historyConnection', args: `stream: "certificate-${CERTIFICATE}"`, id: 'revision', key: 'auditor' },
];

describe('every list in pages: walked over HTTP to the end, while items are appended between pages', () => {
  let registry: RunningRegistry;
  const keys: { auditor: string; cb: string } = { auditor: '', cb: '' };
  /** An instant once everything is seeded: record time then is a filter the index cannot answer. */
  let knownAt = '';

  /** Records a batch and waits until a checkpoint signs it: each batch leaves a checkpoint of its own. */
  async function recordSigned(events: RegistryEvent[]): Promise<void> {
    const before = await treeSize();
    await record(registry, events);
    const deadline = Date.now() + 10_000;
    while ((await treeSize()) <= before && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
  }

  async function treeSize(): Promise<number> {
    const answer = await query<{ checkpoint: { treeSize: number } }>(registry, '{ checkpoint { treeSize } }');
    return answer.data?.checkpoint.treeSize ?? 0;
  }

  function keyOf(listing: Listing): string | undefined {
    return listing.key === undefined ? undefined : keys[listing.key];
  }

  function argumentsOf(listing: Listing): string | undefined {
    return listing.args?.replace('KNOWN_AT', knownAt);
  }

  function document(listing: Listing): string {
    const args = listing.args === undefined ? '' : `, ${argumentsOf(listing)}`;
    return `query($first: Int, $after: String) { result: ${listing.field}(first: $first, after: $after${args}) {
      totalCount pageInfo { hasNextPage endCursor } edges { cursor node { ${listing.id} } } nodes { ${listing.id} } } }`;
  }

  async function page(listing: Listing, first: number, after: string | null): Promise<{ connection: Connection | null; errors: GraphqlError[] }> {
    const answer = await query<{ result: Connection }>(registry, document(listing), { first, after }, keyOf(listing));
    return { connection: answer.data?.result ?? null, errors: answer.errors };
  }

  /** Walks a connection page by page to its end, checking each page's shape; `between` runs after each page. */
  async function walk(listing: Listing, between: (pageNumber: number) => Promise<void> = async () => {}): Promise<{ ids: string[]; totals: number[] }> {
    const ids: string[] = [];
    const totals: number[] = [];
    let after: string | null = null;
    for (let pageNumber = 1; pageNumber < 100; pageNumber += 1) {
      const { connection, errors } = await page(listing, PAGE, after);
      expect(errors).toEqual([]);
      const { edges, pageInfo, totalCount } = connection!;
      expect(edges.length).toBeLessThanOrEqual(PAGE);
      expect(pageInfo.endCursor).toBe(edges.at(-1)?.cursor ?? null);
      expect(connection!).toMatchObject({ nodes: edges.map((edge) => edge.node) });
      ids.push(...edges.map((edge) => String(edge.node[listing.id])));
      totals.push(totalCount);
      if (!pageInfo.hasNextPage) return { ids, totals };
      expect(edges).toHaveLength(PAGE);
      after = pageInfo.endCursor;
      await between(pageNumber);
    }
    throw new Error(`${listing.field} never ended`);
  }

  /** The plain list beside the connection, with the same arguments: what a walk must give, in the same order. */
  async function plainList(listing: Listing): Promise<string[]> {
    const args = listing.args === undefined ? '' : `(${argumentsOf(listing)})`;
    const answer = await query<{ result: Record<string, unknown>[] }>(registry, `{ result: ${listing.plain}${args} { ${listing.id} } }`, {}, keyOf(listing));
    expect(answer.errors).toEqual([]);
    return answer.data!.result.map((node) => String(node[listing.id]));
  }

  beforeAll(async () => {
    registry = await startRegistry();
    keys.auditor = (await recordApiKey(registry, 'AUDITOR')).secret;
    keys.cb = (await recordApiKey(registry, 'CERTIFICATION_BODY', CB)).secret;
    const cbIds = SEVEN.map((n) => `pg-cb-0${n}`);
    // Five batches, each signed: at least five checkpoints to page through.
    await recordSigned([
      ...SEVEN.map((n) => build.scheme(`PG-S-${n}`)),
      ...cbIds.map((cbId, n) => build.accredited(cbId, n % 2 === 0 ? 'TH' : 'MY', [SCHEME])),
    ]);
    // With Malaysia's pg-cb-01 the even ones only: a country filter passes the odd ones by.
    await recordSigned(SEVEN.map((n) => build.signed(`pg-mra-${n}`, [CB, n % 2 === 0 ? 'pg-cb-01' : 'pg-cb-02'], [SCHEME], 'AUTOMATIC', '2023-06-01')));
    await recordSigned([
      ...SEVEN.map((n) => build.issued(`PG-C-0${n}`, CB, SCHEME, '2024-01-15')),
      build.certificateSuspended(CERTIFICATE, '2024-02-01'),
      build.certificateReinstated(CERTIFICATE, '2024-03-01'),
      build.certificateSuspended(CERTIFICATE, '2024-04-01'),
      build.certificateReinstated(CERTIFICATE, '2024-05-01'),
      build.certificateRenewed(CERTIFICATE, '2026-01-01', '2029-01-14'),
    ]);
    await recordSigned([
      ...COUNTRIES.map((country) => skills.frameworkRegistered(country)),
      ...SEVEN.map((n) => skills.qualificationRegistered(`KH-PG-Q-${n}`, 'KH', 2, `Cook ${n}`)),
      ...SEVEN.map((n) => skills.priorityProposed(COUNTRIES[n], `PG-P-${n}`, '2024-01-01')),
    ]);
    await recordSigned(
      SEVEN.map((n) => ({
        type: 'WatchCreated' as const,
        data: {
          watchId: `pg-w-0${n}`,
          owner: { role: 'CERTIFICATION_BODY' as const, keyId: 'seed', cbId: CB },
          target: { kind: 'CERTIFICATION_BODY' as const, cbId: CB },
          url: 'https://hooks.example.com/pg',
          secretVersion: 1,
        },
      })),
    );
    knownAt = new Date().toISOString();
  }, 60_000);

  afterAll(async () => {
    await registry?.cleanup();
  });

  it.each(LISTINGS.map((listing) => [`${listing.field}(${listing.args ?? ''})`, listing] as const))(
    '%s: walked page by page, gives every item once, in order, and the same total on every page',
    async (_, listing) => {
      const { ids, totals } = await walk(listing);

      expect(ids.length).toBeGreaterThan(PAGE);
      expect(new Set(ids).size).toBe(ids.length);
      expect(totals).toEqual(totals.map(() => ids.length));
      if (listing.plain !== undefined) expect(ids).toEqual(await plainList(listing));
    },
    30_000,
  );

  it('the certificates, history, arrangements and watches walked are the ones recorded', async () => {
    const walked = async (field: string) => (await walk(LISTINGS.find((listing) => listing.field === field)!)).ids;

    expect(await walked('certificates')).toEqual(SEVEN.map((n) => `PG-C-0${n}`));
    expect(await walked('historyConnection')).toEqual(['0', '1', '2', '3', '4', '5']);
    expect(await walked('arrangementsConnection')).toEqual(SEVEN.map((n) => `pg-mra-${n}`));
    expect(await walked('watchesConnection')).toEqual(SEVEN.map((n) => `pg-w-0${n}`));
  }, 30_000);

  it('items appended between pages: those past the cursor are met, those before it are not, and none repeats or goes missing', async () => {
    const bodies = LISTINGS[0];
    const existing = await plainList(bodies);
    const { ids, totals } = await walk(bodies, async (pageNumber) => {
      if (pageNumber !== 1) return;
      // The first page ended at pg-cb-02: pg-cb-000 sorts before the cursor, pg-cb-99 after it.
      await record(registry, [build.accredited('pg-cb-000', 'TH', [SCHEME]), build.accredited('pg-cb-99', 'TH', [SCHEME])]);
    });

    expect(ids).toEqual([...existing, 'pg-cb-99']);
    expect(totals.at(-1)).toBe(existing.length + 2);
  }, 30_000);

  it('a stream\'s history appended to while it is read page by page ends with the new events, by revision', async () => {
    const history: Listing = { field: 'historyConnection', args: 'stream: "certificate-PG-C-01"', id: 'revision', key: 'auditor' };
    await record(registry, [
      build.certificateSuspended('PG-C-01', '2024-02-01'),
      build.certificateReinstated('PG-C-01', '2024-03-01'),
      build.certificateSuspended('PG-C-01', '2024-04-01'),
    ]);
    const { ids, totals } = await walk(history, async (pageNumber) => {
      if (pageNumber === 1) await record(registry, [build.certificateReinstated('PG-C-01', '2024-05-01'), build.certificateSuspended('PG-C-01', '2024-06-01')]);
    });

    expect(ids).toEqual(['0', '1', '2', '3', '4', '5']);
    expect(totals).toEqual([4, 6]);
  }, 30_000);

  it('refuses a cursor it did not give for this list as BAD_USER_INPUT naming `after`, and a page size beyond 1000 naming `first`', async () => {
    const bodies = LISTINGS[0];
    const schemes = LISTINGS[2];
    const history = LISTINGS.find((listing) => listing.field === 'historyConnection')!;
    const checkpoints = LISTINGS.find((listing) => listing.field === 'checkpointsConnection')!;
    const schemeCursor = (await page(schemes, 1, null)).connection!.pageInfo.endCursor!;
    const historyCursor = (await page(history, 1, null)).connection!.pageInfo.endCursor!;
    const otherStream: Listing = { ...history, args: 'stream: "certificate-PG-C-02"' };
    const forged = (text: string) => Buffer.from(text, 'utf8').toString('base64url');
    const cases: Array<[Listing, string]> = [
      [bodies, 'not a cursor'],
      [bodies, schemeCursor],
      [bodies, `${schemeCursor.slice(0, -1)}${schemeCursor.endsWith('A') ? 'B' : 'A'}`],
      [bodies, `${schemeCursor}=`],
      [bodies, 'x'.repeat(5_000)],
      [otherStream, historyCursor],
      [history, forged('history/certificate-PG-C-00:-1')],
      [checkpoints, forged('checkpoints:3.5')],
      [checkpoints, forged('checkpoints:007')],
    ];
    const observed = [];
    for (const [listing, cursor] of cases) {
      const { errors } = await page(listing, PAGE, cursor);
      observed.push(errors.map((error) => [error.extensions?.code, pathsOf(error), /\bat\s.+:\d+:\d+/.test(JSON.stringify(error))]));
    }
    expect(observed).toEqual(cases.map(() => [['BAD_USER_INPUT', ['after'], false]]));

    for (const first of [-1, 1_001]) {
      const { errors } = await page(bodies, first, null);
      expect(errors.map((error) => [error.extensions?.code, pathsOf(error)])).toEqual([['BAD_USER_INPUT', ['first']]]);
    }
    const full = await page(schemes, 1_000, null);
    expect(full.connection?.edges.length).toBe(full.connection?.totalCount);
  }, 30_000);
});
