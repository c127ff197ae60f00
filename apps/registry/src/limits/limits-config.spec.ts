import { ConfigError } from '../config';
import { DEFAULT_LIMITS, loadLimits } from './limits-config';

describe('Loading the HTTP limits from the environment', () => {
  it('has a default for every limit', () => {
    expect(loadLimits({})).toEqual(DEFAULT_LIMITS);
  });

  it('reads each variable, and treats a blank one as unset', () => {
    expect(
      loadLimits({
        REGISTRY_BODY_LIMIT_BYTES: '2048',
        REGISTRY_GRAPHQL_BODY_LIMIT_BYTES: '4096',
        REGISTRY_RATE_LIMIT_WINDOW_MS: '1000',
        REGISTRY_RATE_LIMIT_PER_KEY: '50',
        REGISTRY_RATE_LIMIT_PER_ADDRESS: '5',
        REGISTRY_REQUEST_TIMEOUT_MS: '200',
        REGISTRY_RECEIVE_TIMEOUT_MS: ' ',
      }),
    ).toEqual({
      bodyLimitBytes: 2048,
      graphqlBodyLimitBytes: 4096,
      rateLimitWindowMs: 1000,
      rateLimitPerKey: 50,
      rateLimitPerAddress: 5,
      requestTimeoutMs: 200,
      receiveTimeoutMs: DEFAULT_LIMITS.receiveTimeoutMs,
    });
  });

  it.each(['0', '-5', '1.5', 'lots'])('refuses %s with a message naming the variable', (value) => {
    const load = (): unknown => loadLimits({ REGISTRY_RATE_LIMIT_PER_ADDRESS: value });

    expect(load).toThrow(ConfigError);
    expect(load).toThrow(`REGISTRY_RATE_LIMIT_PER_ADDRESS must be a whole number of at least 1 (got "${value}")`);
  });
});
