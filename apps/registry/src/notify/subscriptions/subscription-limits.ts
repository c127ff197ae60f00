/** How many subscriptions one caller may hold open: each is a listener on every derived fact. */
export interface SubscriptionLimits {
  /** REGISTRY_SUBSCRIPTIONS_PER_KEY: open subscriptions per API key (keyless callers: per address). */
  perKey: number;
  /** REGISTRY_SUBSCRIPTIONS_PER_CONNECTION: open subscriptions per WebSocket connection. */
  perConnection: number;
}

export const SUBSCRIPTION_LIMITS = Symbol('SUBSCRIPTION_LIMITS');

export const DEFAULT_SUBSCRIPTION_LIMITS: SubscriptionLimits = { perKey: 100, perConnection: 20 };

const VARIABLES = { perKey: 'REGISTRY_SUBSCRIPTIONS_PER_KEY', perConnection: 'REGISTRY_SUBSCRIPTIONS_PER_CONNECTION' } as const;

/** Reads the caps from the environment (blank means default); a value that is not a positive integer refuses the start. */
export function loadSubscriptionLimits(env: Record<string, string | undefined> = process.env): SubscriptionLimits {
  const limits = { ...DEFAULT_SUBSCRIPTION_LIMITS };
  for (const [field, name] of Object.entries(VARIABLES) as [keyof SubscriptionLimits, string][]) {
    const text = env[name]?.trim();
    if (text === undefined || text === '') continue;
    if (!/^[1-9][0-9]{0,6}$/.test(text)) throw new Error(`${name} must be a positive integer, not "${text}"`);
    limits[field] = Number(text);
  }
  return limits;
}
