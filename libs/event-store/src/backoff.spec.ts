import { backoffMs, pause, retry } from './backoff';

const policy = { attempts: 4, firstDelayMs: 1, maxDelayMs: 3 };
const transient = new Error('transient');
const fatal = new Error('fatal');

describe('backing off', () => {
  it('doubles the pause after each failure in a row, up to the cap', () => {
    expect([1, 2, 3, 4].map((failures) => backoffMs({ attempts: 9, firstDelayMs: 50, maxDelayMs: 300 }, failures))).toEqual([50, 100, 200, 300]);
  });

  it('retries a retryable failure until the call succeeds', async () => {
    let calls = 0;
    const answer = await retry(async () => (++calls < 3 ? Promise.reject(transient) : 'done'), { policy, retryable: (e) => e === transient });
    expect({ answer, calls }).toEqual({ answer: 'done', calls: 3 });
  });

  it('gives up after the last attempt with the last failure, and at once on a failure that is not retryable', async () => {
    let calls = 0;
    await expect(retry(() => (calls++, Promise.reject(transient)), { policy, retryable: () => true })).rejects.toBe(transient);
    expect(calls).toBe(4);
    calls = 0;
    await expect(retry(() => (calls++, Promise.reject(fatal)), { policy, retryable: (e) => e === transient })).rejects.toBe(fatal);
    expect(calls).toBe(1);
  });

  it('stops retrying once aborted, and an abort cuts a pause short without failing it', async () => {
    const stop = new AbortController();
    let calls = 0;
    const retried = retry(() => (calls++, Promise.reject(transient)), { policy: { ...policy, firstDelayMs: 60_000, maxDelayMs: 60_000 }, retryable: () => true, signal: stop.signal });
    stop.abort();
    await expect(retried).rejects.toBe(transient);
    expect(calls).toBeLessThanOrEqual(2);

    const started = Date.now();
    const cut = new AbortController();
    const waiting = pause(60_000, cut.signal);
    cut.abort();
    await expect(waiting).resolves.toBeUndefined();
    expect(Date.now() - started).toBeLessThan(1_000);
  });
});
