import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteEventStore, type SqliteEventStore } from '../src/sqlite';

/**
 * Appends/s of the embedded store at several concurrencies: each writer appends one small event at a time to
 * its own stream with an exact expected revision, as a command handler does. Durable (synchronous=FULL).
 * Run: npm run build && node dist/libs/event-store/bench/append-throughput.js [appendsPerRun]
 */
async function run(store: SqliteEventStore, concurrency: number, total: number): Promise<string> {
  const perWriter = Math.ceil(total / concurrency);
  const latencies: number[] = [];
  const before = store.stats();
  const writer = async (): Promise<void> => {
    const stream = `bench-${randomUUID()}`;
    for (let n = 0; n < perWriter; n += 1) {
      const started = performance.now();
      await store.append(
        stream,
        [{ id: randomUUID(), type: 'CertificateIssued', data: { number: `PS-${n}`, holder: 'A. Person', validUntil: '2027-01-01' }, metadata: { actor: 'bench' } }],
        { expectedRevision: n === 0 ? 'no_stream' : BigInt(n - 1) },
      );
      latencies.push(performance.now() - started);
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, writer));
  const seconds = (performance.now() - started) / 1000;
  const after = store.stats();
  latencies.sort((a, b) => a - b);
  const appends = after.appends - before.appends;
  const commits = after.commits - before.commits;
  const pct = (p: number): string => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))].toFixed(1);
  return [
    `concurrency ${String(concurrency).padStart(3)}`,
    `${Math.round(appends / seconds).toString().padStart(6)} appends/s`,
    `${commits} commits (${(appends / commits).toFixed(1)} appends each)`,
    `latency p50 ${pct(0.5)} ms, p99 ${pct(0.99)} ms`,
  ].join(' | ');
}

async function main(): Promise<void> {
  const total = Number(process.argv[2] ?? '4000');
  const dataDir = mkdtempSync(join(tmpdir(), 'registry-bench-append-'));
  const store = await openSqliteEventStore({ dataDir });
  try {
    for (const concurrency of [1, 4, 16, 64]) console.log(await run(store, concurrency, concurrency === 1 ? total / 2 : total));
  } finally {
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

void main();
