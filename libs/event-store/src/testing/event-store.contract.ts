import { randomUUID } from 'node:crypto';
import { EventStoreUnavailableError, WrongExpectedRevisionError } from '../errors';
import type { AllSubscription, EventData, EventStore, JsonObject, JsonValue, RecordedEvent } from '../event-store';

/**
 * The behaviour every EventStore adapter must show. It never assumes an empty log: the same suite runs
 * against a real EventStoreDB holding other data, so every test writes to its own randomly named streams
 * and, when it reads the global log, starts from a position it captured and keeps only its own streams.
 */
export interface ContractHarness {
  /** A ready store. */
  open(): Promise<EventStore>;
  /** Close it and open again on the same data. */
  reopen(store: EventStore): Promise<EventStore>;
  /** Release everything (temp dirs, servers). */
  teardown(): Promise<void>;
}

/** How long a test waits for a subscription before failing; each such test allows jest a little longer. */
const SUBSCRIPTION_TIMEOUT_MS = 10_000;
const SUBSCRIPTION_TEST_TIMEOUT_MS = 15_000;

export function describeEventStoreContract(adapterName: string, makeHarness: () => ContractHarness): void {
  describe(`The ${adapterName} event store (contract)`, () => {
    let harness: ContractHarness;
    let store: EventStore;

    beforeAll(async () => {
      harness = makeHarness();
      store = await harness.open();
    });

    afterAll(async () => {
      await store?.close();
      await harness?.teardown();
    });

    describe('appending and reading a stream', () => {
      it('reads back appended events in order, with revisions counted from 0', async () => {
        const stream = streamName('order');
        await store.append(stream, [event('Opened', { n: 1 }), event('Changed', { n: 2 })], { expectedRevision: 'no_stream' });
        await store.append(stream, [event('Closed', { n: 3 })], { expectedRevision: 1n });

        const read = await store.readStream(stream);

        expect(read.map((e) => [e.type, e.revision])).toEqual([
          ['Opened', 0n],
          ['Changed', 1n],
          ['Closed', 2n],
        ]);
        expect(read.every((e) => e.stream === stream)).toBe(true);
      });

      it('reads several streams at once, each whole and in order, in the order asked (a missing one as empty)', async () => {
        const [a, b, none] = [streamName('many-a'), streamName('many-b'), streamName('many-none')];
        await store.append(a, [event('A1'), event('A2')], { expectedRevision: 'no_stream' });
        await store.append(b, [event('B1')], { expectedRevision: 'no_stream' });
        await store.append(a, [event('A3')], { expectedRevision: 1n });

        const read = await store.readStreams([b, none, a, b]);

        expect(read.map((events) => events.map((e) => [e.stream, e.type, e.revision]))).toEqual([
          [[b, 'B1', 0n]],
          [],
          [[a, 'A1', 0n], [a, 'A2', 1n], [a, 'A3', 2n]],
          [[b, 'B1', 0n]],
        ]);
        expect(read[2]).toEqual(await store.readStream(a));
      });

      it('answers an append with the last revision written and a global position that grows', async () => {
        const stream = streamName('result');
        const first = await store.append(stream, [event('A'), event('B')], { expectedRevision: 'no_stream' });
        const second = await store.append(stream, [event('C')], { expectedRevision: first.nextRevision });

        expect(first.nextRevision).toBe(1n);
        expect(second.nextRevision).toBe(2n);
        expect(second.position).toBeGreaterThan(first.position);
        const read = await store.readStream(stream);
        expect(read[1].position).toBe(first.position);
        expect(read[2].position).toBe(second.position);
      });

      it('keeps id, type, data and metadata as given and stamps when the event was recorded', async () => {
        const stream = streamName('fields');
        const given = event('CertificateIssued', { number: 'PS-0001', scores: [1, 2.5, -3], ok: true, none: null }, {
          actor: { keyId: 'k1', role: 'CB' },
          correlationId: randomUUID(),
        });
        const before = Date.now();
        await store.append(stream, [given], { expectedRevision: 'no_stream' });

        const [recorded] = await store.readStream(stream);

        expect(recorded.id).toBe(given.id);
        expect(recorded.type).toBe(given.type);
        expect(recorded.data).toEqual(given.data);
        expect(recorded.metadata).toEqual(given.metadata);
        expect(recorded.revision).toBe(0n);
        expect(recorded.recordedAt).toBeInstanceOf(Date);
        expect(recorded.recordedAt.getTime()).toBeGreaterThanOrEqual(before - 60_000);
        expect(recorded.recordedAt.getTime()).toBeLessThanOrEqual(Date.now() + 60_000);
      });

      it('reads a stream that was never written as empty', async () => {
        await expect(store.readStream(streamName('missing'))).resolves.toEqual([]);
        await expect(store.readStream(streamName('missing'), { direction: 'backwards' })).resolves.toEqual([]);
      });

      it('keeps streams apart: a stream reads only its own events', async () => {
        const a = streamName('apart');
        const b = streamName('apart');
        await store.append(a, [event('InA')], { expectedRevision: 'no_stream' });
        await store.append(b, [event('InB'), event('InB')], { expectedRevision: 'no_stream' });

        expect((await store.readStream(a)).map((e) => e.type)).toEqual(['InA']);
        expect((await store.readStream(b)).map((e) => e.revision)).toEqual([0n, 1n]);
      });
    });

    describe('expected revision', () => {
      it('no_stream creates a stream, and is refused once the stream exists, naming the actual revision', async () => {
        const stream = streamName('no-stream');
        await store.append(stream, [event('A'), event('B')], { expectedRevision: 'no_stream' });

        const refused = await rejectionOf(store.append(stream, [event('C')], { expectedRevision: 'no_stream' }));

        expectWrongRevision(refused, stream, 'no_stream', 1n);
      });

      it('stream_exists is refused for a missing stream with actual no_stream, and accepted once it exists', async () => {
        const stream = streamName('exists');
        const refused = await rejectionOf(store.append(stream, [event('A')], { expectedRevision: 'stream_exists' }));
        expectWrongRevision(refused, stream, 'stream_exists', 'no_stream');

        await store.append(stream, [event('A')], { expectedRevision: 'no_stream' });
        const result = await store.append(stream, [event('B')], { expectedRevision: 'stream_exists' });

        expect(result.nextRevision).toBe(1n);
      });

      it('any appends whether or not the stream exists', async () => {
        const stream = streamName('any');
        const first = await store.append(stream, [event('A')], { expectedRevision: 'any' });
        const second = await store.append(stream, [event('B'), event('C')], { expectedRevision: 'any' });

        expect(first.nextRevision).toBe(0n);
        expect(second.nextRevision).toBe(2n);
      });

      it('an exact revision is accepted only when it is the stream’s last revision', async () => {
        const stream = streamName('exact');
        await store.append(stream, [event('A'), event('B'), event('C')], { expectedRevision: 'no_stream' });

        expectWrongRevision(await rejectionOf(store.append(stream, [event('X')], { expectedRevision: 1n })), stream, 1n, 2n);
        expectWrongRevision(await rejectionOf(store.append(stream, [event('X')], { expectedRevision: 3n })), stream, 3n, 2n);
        const accepted = await store.append(stream, [event('D')], { expectedRevision: 2n });

        expect(accepted.nextRevision).toBe(3n);
      });

      it('an exact revision on a stream that does not exist is refused with actual no_stream', async () => {
        const stream = streamName('exact-missing');
        const refused = await rejectionOf(store.append(stream, [event('A')], { expectedRevision: 0n }));

        expectWrongRevision(refused, stream, 0n, 'no_stream');
      });

      it('a refused append writes nothing', async () => {
        const stream = streamName('refused');
        await store.append(stream, [event('A')], { expectedRevision: 'no_stream' });
        await rejectionOf(store.append(stream, [event('B'), event('C')], { expectedRevision: 5n }));

        expect((await store.readStream(stream)).map((e) => e.type)).toEqual(['A']);
      });
    });

    describe('concurrent writers', () => {
      it('of many writers racing for the same revision exactly one wins, and every loser gets the typed error', async () => {
        const stream = streamName('race');
        const writers = 16;
        const rounds = 8;
        for (let round = 0; round < rounds; round += 1) {
          const expected = round === 0 ? ('no_stream' as const) : BigInt(round - 1);
          const attempts = await Promise.allSettled(
            Array.from({ length: writers }, (_, writer) =>
              store.append(stream, [event('Raced', { round, writer })], { expectedRevision: expected }),
            ),
          );

          const winners = attempts.filter((a) => a.status === 'fulfilled');
          const losers = attempts.flatMap((a) => (a.status === 'rejected' ? [a.reason as unknown] : []));
          expect(winners).toHaveLength(1);
          expect(losers).toHaveLength(writers - 1);
          for (const loser of losers) expectWrongRevision(loser, stream, expected, BigInt(round));
        }

        const recorded = await store.readStream(stream);
        expect(recorded.map((e) => e.revision)).toEqual(Array.from({ length: rounds }, (_, i) => BigInt(i)));
        expect(recorded.map((e) => (e.data as { round: number }).round)).toEqual(Array.from({ length: rounds }, (_, i) => i));
      });

      it('writers that retry after losing a race all get in, each event exactly once', async () => {
        const stream = streamName('retry-race');
        const writers = 8;
        const perWriter = 5;
        let conflicts = 0;
        const writeAll = async (writer: number): Promise<void> => {
          for (let n = 0; n < perWriter; n += 1) {
            for (;;) {
              const tip = await store.readStream(stream, { direction: 'backwards', maxCount: 1 });
              const expectedRevision = tip.length === 0 ? ('no_stream' as const) : tip[0].revision;
              try {
                await store.append(stream, [event('Counted', { writer, n })], { expectedRevision });
                break;
              } catch (error) {
                if (!(error instanceof WrongExpectedRevisionError)) throw error;
                conflicts += 1;
              }
            }
          }
        };

        await Promise.all(Array.from({ length: writers }, (_, writer) => writeAll(writer)));

        const recorded = await store.readStream(stream);
        expect(recorded).toHaveLength(writers * perWriter);
        expect(recorded.map((e) => e.revision)).toEqual(recorded.map((_, i) => BigInt(i)));
        const keys = new Set(recorded.map((e) => JSON.stringify(e.data)));
        expect(keys.size).toBe(writers * perWriter);
        expect(conflicts).toBeGreaterThan(0);
      });

      it('concurrent appends to different streams all succeed at distinct positions', async () => {
        const streams = Array.from({ length: 32 }, () => streamName('parallel'));

        const results = await Promise.all(streams.map((s) => store.append(s, [event('A'), event('B')], { expectedRevision: 'no_stream' })));

        expect(new Set(results.map((r) => r.position)).size).toBe(streams.length);
        for (const s of streams) expect(await store.readStream(s)).toHaveLength(2);
      });
    });

    describe('idempotent append', () => {
      it('appending the same event ids again at the same expected revision returns the original result and writes nothing', async () => {
        const stream = streamName('idempotent');
        await store.append(stream, [event('A')], { expectedRevision: 'no_stream' });
        const batch = [event('B'), event('C')];
        const original = await store.append(stream, batch, { expectedRevision: 0n });

        const retried = await store.append(stream, batch, { expectedRevision: 0n });

        expect(retried).toEqual(original);
        expect((await store.readStream(stream)).map((e) => e.type)).toEqual(['A', 'B', 'C']);
      });

      it('a retried no_stream append that had created the stream succeeds without duplicating', async () => {
        const stream = streamName('idempotent-new');
        const batch = [event('Created'), event('Named')];
        const original = await store.append(stream, batch, { expectedRevision: 'no_stream' });

        const retried = await store.append(stream, batch, { expectedRevision: 'no_stream' });

        expect(retried).toEqual(original);
        expect(await store.readStream(stream)).toHaveLength(2);
      });

      it('a retry is still recognised after other events have followed it', async () => {
        const stream = streamName('idempotent-later');
        const batch = [event('First')];
        const original = await store.append(stream, batch, { expectedRevision: 'no_stream' });
        await store.append(stream, [event('Second')], { expectedRevision: 0n });

        const retried = await store.append(stream, batch, { expectedRevision: 'no_stream' });

        expect(retried).toEqual(original);
        expect((await store.readStream(stream)).map((e) => e.type)).toEqual(['First', 'Second']);
      });

      it('a retry with expected revision any does not duplicate the events', async () => {
        const stream = streamName('idempotent-any');
        const batch = [event('A'), event('B')];
        await store.append(stream, batch, { expectedRevision: 'any' });

        await store.append(stream, batch, { expectedRevision: 'any' });

        expect((await store.readStream(stream)).map((e) => e.id)).toEqual(batch.map((e) => e.id));
      });

      it('new ids at an occupied revision are a conflict, not a retry', async () => {
        const stream = streamName('not-a-retry');
        await store.append(stream, [event('A')], { expectedRevision: 'no_stream' });

        const refused = await rejectionOf(store.append(stream, [event('A')], { expectedRevision: 'no_stream' }));

        expectWrongRevision(refused, stream, 'no_stream', 0n);
      });
    });

    describe('appending to several streams', () => {
      it('appends each stream at its expected revision and answers each, in the order given', async () => {
        const [first, second] = [streamName('many-a'), streamName('many-b')];
        await store.append(second, [event('Before')], { expectedRevision: 'no_stream' });

        const results = await store.appendToStreams([
          { stream: first, events: [event('A1'), event('A2')], expectedRevision: 'no_stream' },
          { stream: second, events: [event('B1')], expectedRevision: 0n },
        ]);

        expect(results.map((result) => result.nextRevision)).toEqual([1n, 1n]);
        expect(results[1].position).toBeGreaterThan(results[0].position);
        expect((await store.readStream(first)).map((e) => e.type)).toEqual(['A1', 'A2']);
        expect((await store.readStream(second)).map((e) => e.type)).toEqual(['Before', 'B1']);
      });

      it('a stream found elsewhere is refused with the typed error naming it; nothing is written to it or after it', async () => {
        const [first, taken, last] = [streamName('many-first'), streamName('many-taken'), streamName('many-last')];
        await store.append(taken, [event('Taken')], { expectedRevision: 'no_stream' });

        const refused = await rejectionOf(
          store.appendToStreams([
            { stream: first, events: [event('A')], expectedRevision: 'no_stream' },
            { stream: taken, events: [event('B')], expectedRevision: 'no_stream' },
            { stream: last, events: [event('C')], expectedRevision: 'no_stream' },
          ]),
        );

        expectWrongRevision(refused, taken, 'no_stream', 0n);
        expect((await store.readStream(taken)).map((e) => e.type)).toEqual(['Taken']);
        expect(await store.readStream(last)).toEqual([]);
      });

      it('the same appends sent again (an answer lost) return the original results and write nothing twice', async () => {
        const [first, second] = [streamName('many-retry-a'), streamName('many-retry-b')];
        const appends = [
          { stream: first, events: [event('A')], expectedRevision: 'no_stream' as const },
          { stream: second, events: [event('B1'), event('B2')], expectedRevision: 'no_stream' as const },
        ];
        const original = await store.appendToStreams(appends);

        const retried = await store.appendToStreams(appends);

        expect(retried).toEqual(original);
        expect(await store.readStream(first)).toHaveLength(1);
        expect(await store.readStream(second)).toHaveLength(2);
      });
    });

    describe('read directions and bounds', () => {
      let stream: string;
      let recorded: RecordedEvent[];

      beforeAll(async () => {
        stream = streamName('bounds');
        await store.append(stream, Array.from({ length: 10 }, (_, n) => event('Numbered', { n })), { expectedRevision: 'no_stream' });
        recorded = await store.readStream(stream);
      });

      it('reads a stream forwards from a revision, at most maxCount events', async () => {
        const read = await store.readStream(stream, { fromRevision: 3n, maxCount: 4 });

        expect(read.map((e) => e.revision)).toEqual([3n, 4n, 5n, 6n]);
      });

      it('reads a stream backwards from the end or from a revision, inclusive', async () => {
        const fromEnd = await store.readStream(stream, { direction: 'backwards', maxCount: 3 });
        const fromFive = await store.readStream(stream, { direction: 'backwards', fromRevision: 5n, maxCount: 2 });
        const whole = await store.readStream(stream, { direction: 'backwards' });

        expect(fromEnd.map((e) => e.revision)).toEqual([9n, 8n, 7n]);
        expect(fromFive.map((e) => e.revision)).toEqual([5n, 4n]);
        expect(whole.map((e) => e.revision)).toEqual(recorded.map((e) => e.revision).reverse());
      });

      it('reads nothing forwards past the last revision', async () => {
        await expect(store.readStream(stream, { fromRevision: 10n })).resolves.toEqual([]);
      });

      it('reads the global log forwards from a position, including the event at that position', async () => {
        const from = recorded[2].position;

        const read = await store.readAll({ fromPosition: from, maxCount: 3 });

        // One append's events sit together in the log, so nothing else can come between them.
        expect(read.map((e) => e.id)).toEqual(recorded.slice(2, 5).map((e) => e.id));
        expect(positionsIncrease(read)).toBe(true);
      });

      it('reads the global log backwards from a position, excluding the event at that position', async () => {
        const from = recorded[5].position;

        const read = await store.readAll({ fromPosition: from, direction: 'backwards', maxCount: 2 });

        expect(read.map((e) => e.id)).not.toContain(recorded[5].id);
        expect(read[0].position).toBeLessThan(from);
        expect(read[0].position).toBeGreaterThan(read[1].position);
        expect(read.map((e) => e.id)).toEqual([recorded[4].id, recorded[3].id]);
      });

      it('reads the global log backwards from the end, newest first', async () => {
        const tail = [event('Newest')];
        const written = await store.append(streamName('newest'), tail, { expectedRevision: 'no_stream' });

        const read = await store.readAll({ direction: 'backwards', maxCount: 50 });

        expect(read.map((e) => e.id)).toContain(tail[0].id);
        expect(positionsDecrease(read)).toBe(true);
        expect(read[0].position).toBeGreaterThanOrEqual(written.position);
      });

      it('orders the global log as appends were acknowledged, across streams', async () => {
        const a = streamName('interleaved');
        const b = streamName('interleaved');
        const expected: string[] = [];
        for (let n = 0; n < 6; n += 1) {
          const e = event('Interleaved', { n });
          expected.push(e.id);
          await store.append(n % 2 === 0 ? a : b, [e], { expectedRevision: 'any' });
        }
        const [first] = await store.readStream(a);

        const read = await store.readAll({ fromPosition: first.position, maxCount: 10_000 });

        expect(read.filter((e) => e.stream === a || e.stream === b).map((e) => e.id)).toEqual(expected);
      });
    });

    describe('subscription to the global log', () => {
      it('delivers only events after the checkpoint, catching up then going live', async () => {
        const prefix = streamName('sub-checkpoint');
        const stream = `${prefix}-1`;
        const old = [event('Old'), event('Old')];
        await store.append(stream, old, { expectedRevision: 'no_stream' });
        const afterOld = (await store.readStream(stream))[0].position;

        const subscription = store.subscribeToAll({ fromPosition: afterOld, filter: { streamNamePrefixes: [prefix] } });
        const received = collect(subscription, 3);
        const live = [event('Live'), event('Live')];
        await store.append(stream, live, { expectedRevision: 1n });

        expect((await received).map((e) => e.id)).toEqual([old[1].id, ...live.map((e) => e.id)]);
      }, SUBSCRIPTION_TEST_TIMEOUT_MS);

      it('hands off from catch-up to live without a gap or a duplicate while appends race with it', async () => {
        const prefix = streamName('sub-handoff');
        const checkpoint = await lastPosition(store);
        const streams = Array.from({ length: 4 }, (_, i) => `${prefix}-${i}`);
        const perStream = 60;
        let written = 0;
        let halfWritten!: () => void;
        const half = new Promise<void>((resolve) => (halfWritten = resolve));
        const appendAll = async (s: string): Promise<string[]> => {
          const ids: string[] = [];
          for (let n = 0; n < perStream; n += 1) {
            const e = event('Raced', { n });
            ids.push(e.id);
            await store.append(s, [e], { expectedRevision: n === 0 ? 'no_stream' : BigInt(n - 1) });
            written += 1;
            if (written === (streams.length * perStream) / 2) halfWritten();
          }
          return ids;
        };
        const writing = Promise.all(streams.map(appendAll));
        // Subscribe while the writers are half way, so both the catch-up and the live phase carry events.
        await half;
        const subscription = store.subscribeToAll({ fromPosition: checkpoint, filter: { streamNamePrefixes: [prefix] } });

        const received = await collect(subscription, streams.length * perStream);
        const ids = await writing;

        expect(positionsIncrease(received)).toBe(true);
        expect(new Set(received.map((e) => e.id)).size).toBe(received.length);
        for (const [i, s] of streams.entries()) {
          expect(received.filter((e) => e.stream === s).map((e) => e.id)).toEqual(ids[i]);
        }
      }, SUBSCRIPTION_TEST_TIMEOUT_MS);

      it('from the end delivers only what is appended after subscribing', async () => {
        const prefix = streamName('sub-end');
        await store.append(`${prefix}-before`, [event('Before')], { expectedRevision: 'no_stream' });
        const subscription = store.subscribeToAll({ fromPosition: 'end', filter: { streamNamePrefixes: [prefix] } });
        const received = collect(subscription, 1);
        // Give a subscription that wrongly replays the log a chance to show it.
        await delay(50);
        const after = event('After');
        await store.append(`${prefix}-after`, [after], { expectedRevision: 'no_stream' });

        expect((await received).map((e) => e.id)).toEqual([after.id]);
      }, SUBSCRIPTION_TEST_TIMEOUT_MS);

      it('filters by event-type prefix', async () => {
        const checkpoint = await lastPosition(store);
        const typePrefix = `T${randomUUID().replace(/-/g, '')}`;
        const stream = streamName('sub-type');
        const kept = [event(`${typePrefix}Kept`), event(`${typePrefix}AlsoKept`)];
        await store.append(stream, [event('Other'), kept[0], event(`X${typePrefix}`), kept[1]], { expectedRevision: 'no_stream' });

        const received = await collect(store.subscribeToAll({ fromPosition: checkpoint, filter: { eventTypePrefixes: [typePrefix] } }), 2);

        expect(received.map((e) => e.id)).toEqual(kept.map((e) => e.id));
      }, SUBSCRIPTION_TEST_TIMEOUT_MS);

      it('filters by stream-name prefix, accepting any of several prefixes', async () => {
        const checkpoint = await lastPosition(store);
        const base = streamName('sub-stream');
        const wanted = [event('W'), event('W')];
        await store.append(`${base}-a-1`, [wanted[0]], { expectedRevision: 'no_stream' });
        await store.append(`${base}-b-1`, [event('Unwanted')], { expectedRevision: 'no_stream' });
        await store.append(`${base}-c-1`, [wanted[1]], { expectedRevision: 'no_stream' });
        await store.append(`x${base}-a-1`, [event('Unwanted')], { expectedRevision: 'no_stream' });

        const subscription = store.subscribeToAll({
          fromPosition: checkpoint,
          filter: { streamNamePrefixes: [`${base}-a`, `${base}-c`] },
        });
        const received = await collect(subscription, 2);

        expect(received.map((e) => e.id)).toEqual(wanted.map((e) => e.id));
      }, SUBSCRIPTION_TEST_TIMEOUT_MS);

      it('stops delivering once closed, ending the iteration', async () => {
        const prefix = streamName('sub-close');
        const checkpoint = await lastPosition(store);
        const subscription = store.subscribeToAll({ fromPosition: checkpoint, filter: { streamNamePrefixes: [prefix] } });
        const seen: RecordedEvent[] = [];
        const consuming = (async () => {
          for await (const e of subscription) {
            seen.push(e);
            if (seen.length === 1) await subscription.close();
          }
        })();
        await store.append(`${prefix}-1`, [event('One'), event('Two')], { expectedRevision: 'no_stream' });

        await withTimeout(consuming, 'the closed subscription to end its iteration');
        await store.append(`${prefix}-1`, [event('Three')], { expectedRevision: 1n });

        expect(seen.map((e) => e.type)).toEqual(['One']);
      }, SUBSCRIPTION_TEST_TIMEOUT_MS);

      it('breaking out of for-await closes the subscription', async () => {
        const prefix = streamName('sub-break');
        const checkpoint = await lastPosition(store);
        await store.append(`${prefix}-1`, [event('One'), event('Two'), event('Three')], { expectedRevision: 'no_stream' });
        const subscription = store.subscribeToAll({ fromPosition: checkpoint, filter: { streamNamePrefixes: [prefix] } });

        const seen: string[] = [];
        for await (const e of subscription) {
          seen.push(e.type);
          if (seen.length === 2) break;
        }
        const after = await withTimeout(subscription[Symbol.asyncIterator]().next(), 'the next() of a closed subscription');

        expect(seen).toEqual(['One', 'Two']);
        expect(after.done).toBe(true);
      }, SUBSCRIPTION_TEST_TIMEOUT_MS);
    });

    describe('payloads', () => {
      it('stores an event of almost one megabyte intact', async () => {
        const stream = streamName('large');
        const text = 'ab0'.repeat(330_000);
        const large = event('Large', { text }, { note: 'just under 1,000,000 bytes with its metadata' });
        expect(Buffer.byteLength(JSON.stringify(large.data)) + Buffer.byteLength(JSON.stringify(large.metadata))).toBeLessThan(1_000_000);
        await store.append(stream, [large], { expectedRevision: 'no_stream' });

        const [read] = await store.readStream(stream);

        expect((read.data as { text: string }).text).toBe(text);
      });

      it('keeps non-ASCII text exactly, in data, metadata, type and stream name', async () => {
        const stream = `${streamName('unicode')}-Nguyễn-证书-🎓`;
        const data: JsonValue = {
          holder: 'Nguyễn Thị Ánh',
          scheme: '生产力专家 APO-PS 101:2023',
          note: 'مختص الإنتاجية — «emoji» 🎓👩🏽‍🔬',
          combining: 'e\u0301 vs \u00e9',
          controls: 'tab\tnewline\nquote"backslash\\',
        };
        const typed = event('ZertifikatAusgestellt-証明書', data, { actor: 'Ōsaka-Ünïcödé' });
        await store.append(stream, [typed], { expectedRevision: 'no_stream' });

        const [read] = await store.readStream(stream);

        expect(read.stream).toBe(stream);
        expect(read.type).toBe(typed.type);
        expect(read.data).toEqual(data);
        expect(read.metadata).toEqual(typed.metadata);
      });
    });

    describe('volume', () => {
      it('a 10,000-event stream reads back complete and in order, forwards and backwards', async () => {
        const stream = streamName('ten-thousand');
        const total = 10_000;
        const chunk = 500;
        for (let start = 0; start < total; start += chunk) {
          const events = Array.from({ length: chunk }, (_, i) => event('Counted', { n: start + i }));
          await store.append(stream, events, { expectedRevision: start === 0 ? 'no_stream' : BigInt(start - 1) });
        }

        const forwards = await store.readStream(stream);
        const backwards = await store.readStream(stream, { direction: 'backwards', maxCount: 100 });

        expect(forwards).toHaveLength(total);
        expect(forwards.every((e, i) => e.revision === BigInt(i) && (e.data as { n: number }).n === i)).toBe(true);
        expect(positionsIncrease(forwards)).toBe(true);
        expect(backwards.map((e) => e.revision)).toEqual(Array.from({ length: 100 }, (_, i) => BigInt(total - 1 - i)));
      }, 60_000);
    });

    describe('health and lifecycle', () => {
      it('reports itself up', async () => {
        const health = await store.health();

        expect(health.status).toBe('up');
      });

      it('keeps every event, revision and position across close and reopen, and appends continue after it', async () => {
        const stream = streamName('reopen');
        await store.append(stream, [event('A'), event('B')], { expectedRevision: 'no_stream' });
        const before = await store.readStream(stream);

        store = await harness.reopen(store);

        const after = await store.readStream(stream);
        expect(after).toEqual(before);
        expectWrongRevision(await rejectionOf(store.append(stream, [event('X')], { expectedRevision: 0n })), stream, 0n, 1n);
        const next = await store.append(stream, [event('C')], { expectedRevision: 1n });
        expect(next.nextRevision).toBe(2n);
        expect(next.position).toBeGreaterThan(before[1].position);
      });

      it('closing the store ends its open subscriptions and refuses further appends', async () => {
        const prefix = streamName('close-store');
        const subscription = store.subscribeToAll({ fromPosition: 'end', filter: { streamNamePrefixes: [prefix] } });
        const ending = drain(subscription);
        const stream = `${prefix}-1`;
        await store.append(stream, [event('Kept')], { expectedRevision: 'no_stream' });

        const closing = store;
        store = await harness.reopen(store);

        await withTimeout(ending, 'the subscription to end when its store closed');
        const refused = await rejectionOf(closing.append(stream, [event('Late')], { expectedRevision: 'any' }));
        expect(refused).toBeInstanceOf(EventStoreUnavailableError);
        await expect(closing.close()).resolves.toBeUndefined();
        expect((await store.readStream(stream)).map((e) => e.type)).toEqual(['Kept']);
      }, SUBSCRIPTION_TEST_TIMEOUT_MS);
    });
  });
}

function streamName(purpose: string): string {
  return `contract-${purpose}-${randomUUID().replace(/-/g, '').slice(0, 16)}`;
}

function event(type: string, data: JsonValue = {}, metadata: JsonObject = {}): EventData {
  return { id: randomUUID(), type, data, metadata };
}

async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the append to be refused, but it succeeded');
}

function expectWrongRevision(error: unknown, stream: string, expected: unknown, actual: unknown): void {
  expect(error).toBeInstanceOf(WrongExpectedRevisionError);
  const wrong = error as WrongExpectedRevisionError;
  expect({ stream: wrong.stream, expected: wrong.expected, actual: wrong.actual }).toEqual({ stream, expected, actual });
}

/** The newest position in the log now, as a checkpoint: a subscription from it delivers only newer events. */
async function lastPosition(store: EventStore): Promise<bigint | 'start'> {
  const [newest] = await store.readAll({ direction: 'backwards', maxCount: 1 });
  return newest?.position ?? 'start';
}

function positionsIncrease(events: RecordedEvent[]): boolean {
  return events.every((e, i) => i === 0 || e.position > events[i - 1].position);
}

function positionsDecrease(events: RecordedEvent[]): boolean {
  return events.every((e, i) => i === 0 || e.position < events[i - 1].position);
}

/** The first `count` events of a subscription, then closes it; fails rather than hang. */
async function collect(subscription: AllSubscription, count: number): Promise<RecordedEvent[]> {
  const received: RecordedEvent[] = [];
  const reading = (async () => {
    for await (const e of subscription) {
      received.push(e);
      if (received.length >= count) break;
    }
  })();
  try {
    await withTimeout(reading, `${count} events (got ${received.length})`);
  } finally {
    await subscription.close();
  }
  return received;
}

async function drain(subscription: AllSubscription): Promise<void> {
  for await (const _ of subscription) {
    // Only the end of the iteration matters here.
  }
}

async function withTimeout<T>(promise: Promise<T>, waitingFor: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out waiting for ${waitingFor}`)), SUBSCRIPTION_TIMEOUT_MS);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
