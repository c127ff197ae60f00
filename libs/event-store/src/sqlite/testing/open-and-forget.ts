import { randomUUID } from 'node:crypto';
import { openSqliteEventStore } from '../sqlite-event-store';

/** A script that appends and subscribes but never closes its store: the process must still end by itself. */
async function main(): Promise<void> {
  const store = await openSqliteEventStore({ dataDir: process.env.HOLD_DATA_DIR ?? '' });
  const appended = await store.append('forgotten', [{ id: randomUUID(), type: 'Forgotten', data: {}, metadata: {} }], {
    expectedRevision: 'any',
  });
  const subscription = store.subscribeToAll({ fromPosition: 'start' });
  const seen: string[] = [];
  void (async () => {
    for await (const event of subscription) seen.push(event.type);
  })();
  process.on('exit', () => process.stdout.write(`${JSON.stringify({ kind: 'exiting', position: appended.position.toString(), seen })}\n`));
}

void main();
