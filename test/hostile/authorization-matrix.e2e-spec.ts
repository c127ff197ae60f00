import { errorCodes, mutationNames } from './support/graphql-calls';
import { CALLERS, expectedOutcome, keyOf, MUTATION_TABLE, type Caller, type Outcome } from './support/mutation-table';
import { buildWorld, type World } from './support/world';

describe('Authorization: every mutation × every caller, from one table', () => {
  let world: World;

  beforeAll(async () => {
    world = await buildWorld();
  }, 60_000);

  afterAll(async () => {
    await world?.registry.cleanup();
  });

  it('has exactly one entry for every mutation the schema offers', () => {
    expect(Object.keys(MUTATION_TABLE).sort()).toEqual(mutationNames(world.schema));
  });

  it.each(Object.keys(MUTATION_TABLE))(
    '%s: every caller but the rightful one is refused and nothing is written; the same request then succeeds for the rightful one',
    async (name) => {
      const entry = MUTATION_TABLE[name];
      const prepared = await entry.prepare(world);
      // The refused first, all with the very input the rightful caller then sends successfully.
      const order = [...CALLERS].sort((a, b) => Number(expectedOutcome(entry, a) === 'ALLOWED') - Number(expectedOutcome(entry, b) === 'ALLOWED'));
      const observed: Array<[Caller, Outcome | string, string]> = [];
      const expected: Array<[Caller, Outcome | string, string]> = [];

      for (const caller of order) {
        const outcome = expectedOutcome(entry, caller);
        const key = await keyOf(world, entry, prepared, caller);
        const before = await world.fingerprint();
        const answer = await world.send(name, prepared.input, key);
        const after = await world.fingerprint();
        const codes = errorCodes(answer);
        const logChange = after.hash === before.hash ? 'log unchanged' : 'log grew';
        observed.push([caller, codes.length === 0 ? 'ALLOWED' : codes.join(','), logChange]);
        // A cosignature is kept beside its checkpoint, not in the log: accepted or not, the log stays as it was.
        const grows = outcome === 'ALLOWED' && entry.sentBy !== 'WITNESS';
        expected.push([caller, outcome, grows ? 'log grew' : 'log unchanged']);
      }

      expect(observed).toEqual(expected);
    },
    30_000,
  );
});
