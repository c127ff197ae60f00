import { checkCommit, type StreamView } from './commit-check';

function streamOf(...ids: string[]): StreamView {
  return {
    lastRevision: BigInt(ids.length) - 1n,
    revisionOfId: (id) => (ids.includes(id) ? BigInt(ids.indexOf(id)) : undefined),
    idAt: (revision) => ids[Number(revision)],
  };
}

describe("EventStoreDB's commit check", () => {
  it('writes when the expected revision is the last one, or no_stream on a missing stream', () => {
    expect(checkCommit(streamOf('a', 'b'), { kind: 'revision', revision: 1n }, ['c'])).toEqual({ kind: 'write' });
    expect(checkCommit(streamOf(), { kind: 'no_stream' }, ['a'])).toEqual({ kind: 'write' });
  });

  it('acknowledges the same ids right after the expected revision as already written', () => {
    const stream = streamOf('a', 'b', 'c');
    expect(checkCommit(stream, { kind: 'no_stream' }, ['a', 'b'])).toEqual({ kind: 'idempotent', lastRevision: 1n });
    expect(checkCommit(stream, { kind: 'revision', revision: 0n }, ['b', 'c'])).toEqual({ kind: 'idempotent', lastRevision: 2n });
  });

  it('refuses ids that differ from those after the expected revision, or that run past the end', () => {
    const stream = streamOf('a', 'b');
    expect(checkCommit(stream, { kind: 'revision', revision: 0n }, ['x'])).toEqual({ kind: 'wrong_expected_version' });
    expect(checkCommit(stream, { kind: 'revision', revision: 0n }, ['b', 'x'])).toEqual({ kind: 'wrong_expected_version' });
    expect(checkCommit(stream, { kind: 'revision', revision: 5n }, ['x'])).toEqual({ kind: 'wrong_expected_version' });
  });

  it('with any or stream_exists, finds repeated ids anywhere in the stream and writes new ones', () => {
    const stream = streamOf('a', 'b', 'c');
    expect(checkCommit(stream, { kind: 'any' }, ['b'])).toEqual({ kind: 'idempotent', lastRevision: 1n });
    expect(checkCommit(stream, { kind: 'stream_exists' }, ['x'])).toEqual({ kind: 'write' });
    expect(checkCommit(stream, { kind: 'any' }, ['c', 'x'])).toEqual({ kind: 'wrong_expected_version' });
  });

  it('refuses stream_exists on a stream that does not exist', () => {
    expect(checkCommit(streamOf(), { kind: 'stream_exists' }, ['a'])).toEqual({ kind: 'wrong_expected_version' });
  });
});
