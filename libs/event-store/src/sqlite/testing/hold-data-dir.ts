import { randomUUID } from 'node:crypto';
import { openSqliteEventStore } from '../sqlite-event-store';

/**
 * Runs in a separate process (see spawn-holder.ts): opens the store in HOLD_DATA_DIR, appends
 * HOLD_APPENDS events one by one reporting each acknowledgement on stdout, then holds the directory until
 * stdin ends. Refusal is reported on stdout as well, so the parent can read the message a user would see.
 */
async function hold(): Promise<void> {
  const dataDir = process.env.HOLD_DATA_DIR ?? '';
  const appends = Number(process.env.HOLD_APPENDS ?? '0');
  const say = (line: object): boolean => process.stdout.write(`${JSON.stringify(line)}\n`);
  let store;
  try {
    store = await openSqliteEventStore({ dataDir });
  } catch (error) {
    say({ kind: 'refused', message: error instanceof Error ? error.message : String(error) });
    process.exitCode = 2;
    return;
  }
  say({ kind: 'opened', pid: process.pid });
  for (let n = 0; n < appends; n += 1) {
    const id = randomUUID();
    await store.append('held-stream', [{ id, type: 'Held', data: { n }, metadata: {} }], { expectedRevision: 'any' });
    say({ kind: 'acknowledged', id });
  }
  say({ kind: 'holding' });
  process.stdin.resume();
  await new Promise<void>((resolve) => process.stdin.once('end', () => resolve()));
  await store.close();
  say({ kind: 'released' });
}

void hold();
