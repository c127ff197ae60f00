/** The rows of issue 7's table, word for word: what each measures and its target. */
export const ISSUE_ROWS = {
  1: {
    what: 'durable appends, 64 concurrent single-event appends to distinct streams with expected-revision checks',
    target: '≥ 50 % of raw; ≥ 5× emmett',
  },
  2: { what: 'durable appends, sequential single events', target: '≥ 80 %' },
  3: { what: 'rebuild of all read models from position 0 (events/s)', target: '≥ 50 %' },
  4: { what: '`recognition` query over HTTP with `autocannon`, 32 connections, N certificates loaded: req/s, p50, p99', target: '≥ 60 %, p99 ≤ 10 ms' },
  5: { what: 'memory after loading N certificates (RSS, heap)', target: '≤ 1 GiB at 1M' },
  6: { what: 'cold start to ready on a data directory holding N certificates', target: '≤ 15 s at 1M' },
  7: { what: 'EventStoreDB adapter through the protocol test server: appends and read-all rates', target: 'informational' },
} as const;

export type RowNumber = keyof typeof ISSUE_ROWS;
export const ROW_NUMBERS = [1, 2, 3, 4, 5, 6, 7] as const satisfies readonly RowNumber[];
