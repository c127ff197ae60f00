import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EventData } from '../src/event-store';
import { openSqliteEventStore } from '../src/sqlite';
import { eventsFilePath } from '../src/sqlite/schema';

/**
 * Events/s reading a log of N events (default 1,000,000) three ways: raw better-sqlite3 + JSON.parse (the
 * floor), the store's readAll in pages, and a subscription catching up from the start.
 * Run: npm run build && node dist/libs/event-store/bench/read-throughput.js [events]
 */
const PAGE = 10_000;

function certificateEvent(n: number): EventData {
  return {
    id: randomUUID(),
    type: 'CertificateIssued',
    data: { number: `PS-${n}`, holder: { name: 'Nguyễn Thị Ánh', country: 'VN' }, scheme: 'APO-PS 101:2023', validUntil: '2027-06-30' },
    metadata: { actor: { keyId: 'cb-vn', role: 'CB' }, commandId: randomUUID(), correlationId: randomUUID() },
  };
}

function report(label: string, events: number, started: number): void {
  const seconds = (performance.now() - started) / 1000;
  console.log(`${label.padEnd(44)} ${events} events in ${seconds.toFixed(2)} s = ${Math.round(events / seconds).toLocaleString('en')} events/s`);
}

function readRaw(dataDir: string): number {
  const raw = new Database(eventsFilePath(dataDir), { readonly: true });
  const started = performance.now();
  let count = 0;
  for (const row of raw.prepare('SELECT * FROM events ORDER BY position').iterate() as Iterable<{ data: string; metadata: string }>) {
    JSON.parse(row.data);
    JSON.parse(row.metadata);
    count += 1;
  }
  report('raw better-sqlite3 iterate + JSON.parse', count, started);
  raw.close();
  return count;
}

async function main(): Promise<void> {
  const total = Number(process.argv[2] ?? '1000000');
  const dataDir = mkdtempSync(join(tmpdir(), 'registry-bench-read-'));
  try {
    let store = await openSqliteEventStore({ dataDir });
    let started = performance.now();
    const perAppend = 1000;
    for (let written = 0; written < total; written += perAppend) {
      const events = Array.from({ length: Math.min(perAppend, total - written) }, (_, i) => certificateEvent(written + i));
      await store.append(`certificate-${written / perAppend}`, events, { expectedRevision: 'no_stream' });
    }
    report('write (appends of 1,000 events)', total, started);
    await store.close();

    let count = readRaw(dataDir);

    store = await openSqliteEventStore({ dataDir });
    started = performance.now();
    count = 0;
    let from: bigint | 'start' = 'start';
    for (;;) {
      const page = await store.readAll({ fromPosition: from, maxCount: PAGE });
      count += page.length;
      if (page.length < PAGE) break;
      from = page[page.length - 1].position + 1n;
    }
    report(`store.readAll, pages of ${PAGE.toLocaleString('en')}`, count, started);

    started = performance.now();
    count = 0;
    const subscription = store.subscribeToAll({ fromPosition: 'start' });
    for await (const event of subscription) {
      count += 1;
      if (event.position >= BigInt(total)) break;
    }
    report('store.subscribeToAll from start (catch-up)', count, started);
    await store.close();
    // Again, now that the file is as warm in the page cache for it as for the store.
    readRaw(dataDir);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

void main();
