import { makeTempDataDir } from '@registry/event-store/sqlite/testing/temp-data-dir';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { hashLeaf } from '../merkle';
import { LogTreeFile, type TreeLeaf } from './log-tree-file';

const leaf = (n: number, recordedAt: string): TreeLeaf => ({
  hash: hashLeaf(Buffer.from(`event ${n}`)),
  position: BigInt(100 + n * 10),
  stream: `certificate-${n}`,
  revision: 0,
  recordedAt,
});

describe("the tree file's clock: which prefix of the log was recorded by an instant", () => {
  const dirs: Array<{ remove(): void }> = [];
  afterEach(() => dirs.splice(0).forEach((dir) => dir.remove()));

  function treePath(): string {
    const dir = makeTempDataDir('tree-clock');
    dirs.push(dir);
    return join(dir.dataDir, 'log-tree.sqlite3');
  }

  it('keeps a monotonic clock (a stamp earlier than the leaf before takes its time) and finds the last leaf recorded by an instant', () => {
    const tree = LogTreeFile.open(treePath());
    tree.append([leaf(0, '2026-01-01T10:00:00.000Z'), leaf(1, '2026-01-01T10:05:00.000Z'), leaf(2, '2026-01-01T10:04:00.000Z')]);
    tree.append([leaf(3, '2026-01-01T11:00:00.000Z')]);

    expect(tree.lastLeafRecordedBy('2026-01-01T09:59:59.999Z')).toBeNull();
    expect(tree.lastLeafRecordedBy('2026-01-01T10:00:00.000Z')).toEqual({ leafIndex: 0, position: 100n, recordedAt: '2026-01-01T10:00:00.000Z' });
    expect(tree.lastLeafRecordedBy('2026-01-01T10:04:30.000Z')).toMatchObject({ leafIndex: 0 });
    expect(tree.lastLeafRecordedBy('2026-01-01T10:05:00.000Z')).toEqual({ leafIndex: 2, position: 120n, recordedAt: '2026-01-01T10:05:00.000Z' });
    expect(tree.lastLeafRecordedBy('2027-01-01T00:00:00.000Z')).toMatchObject({ leafIndex: 3 });
    expect(tree.leafTimeAt(120n)).toEqual({ leafIndex: 2, position: 120n, recordedAt: '2026-01-01T10:05:00.000Z' });
    expect(tree.leafTimeAt(999n)).toBeNull();
    tree.close();
  });

  it('resumes the clock after a reopen', () => {
    const path = treePath();
    const first = LogTreeFile.open(path);
    first.append([leaf(0, '2026-01-01T10:05:00.000Z')]);
    first.close();
    const again = LogTreeFile.open(path);
    again.append([leaf(1, '2026-01-01T10:00:00.000Z')]);
    expect(again.leafTimeAt(110n)?.recordedAt).toBe('2026-01-01T10:05:00.000Z');
    again.close();
  });

  it('drops a tree file written before the clock was kept, to be hashed again from the log', () => {
    const path = treePath();
    const old = new Database(path);
    old.exec('CREATE TABLE leaves (leaf_index INTEGER PRIMARY KEY, hash BLOB NOT NULL, position INTEGER NOT NULL, stream TEXT NOT NULL, revision INTEGER NOT NULL)');
    old.prepare('INSERT INTO leaves VALUES (0, ?, 100, ?, 0)').run(Buffer.alloc(32), 'certificate-0');
    old.close();
    const tree = LogTreeFile.open(path);
    expect(tree.size).toBe(0);
    tree.close();
  });
});
