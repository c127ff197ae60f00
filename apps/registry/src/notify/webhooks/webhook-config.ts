import { ConfigError } from '../../config';

/** How webhooks are delivered. Every value can be set from the environment; tests shorten the back-off. */
export interface WebhookConfig {
  /** REGISTRY_WEBHOOK_ALLOWED_HOSTS: comma-separated host names or IP addresses that may be reached although
   * they are loopback, link-local or private (tests set 127.0.0.1). Empty: none. */
  allowedHosts: readonly string[];
  /** REGISTRY_WEBHOOK_BACKOFF_BASE_MS: the pause after the first failed attempt; it doubles after each. */
  backoffBaseMs: number;
  /** REGISTRY_WEBHOOK_BACKOFF_MAX_MS: the longest pause between two attempts. */
  backoffMaxMs: number;
  /** REGISTRY_WEBHOOK_GIVE_UP_AFTER_MS: past this age a delivery that still fails is dead-lettered (72 h). */
  giveUpAfterMs: number;
  /** REGISTRY_WEBHOOK_TIMEOUT_MS: how long one attempt may take, connection to last byte. */
  timeoutMs: number;
  /** REGISTRY_WEBHOOK_SECRET_KEY: the key watch secrets are derived from (at least 32 characters). Unset, one is
   * generated into the data directory; replicas sharing an EventStoreDB log must be given the same one. */
  secretKey?: string;
}

export const DEFAULT_WEBHOOK_CONFIG: WebhookConfig = {
  allowedHosts: [],
  backoffBaseMs: 30_000,
  backoffMaxMs: 6 * 3_600_000,
  giveUpAfterMs: 72 * 3_600_000,
  timeoutMs: 10_000,
};

const DURATIONS = {
  backoffBaseMs: 'REGISTRY_WEBHOOK_BACKOFF_BASE_MS',
  backoffMaxMs: 'REGISTRY_WEBHOOK_BACKOFF_MAX_MS',
  giveUpAfterMs: 'REGISTRY_WEBHOOK_GIVE_UP_AFTER_MS',
  timeoutMs: 'REGISTRY_WEBHOOK_TIMEOUT_MS',
} as const;

/** Reads the webhook settings from the environment (blank means default); a bad value refuses the start. */
export function loadWebhookConfig(env: Record<string, string | undefined> = process.env): WebhookConfig {
  const config: WebhookConfig = { ...DEFAULT_WEBHOOK_CONFIG };
  const problems: string[] = [];
  for (const [field, name] of Object.entries(DURATIONS) as [keyof typeof DURATIONS, string][]) {
    const raw = env[name]?.trim();
    if (raw === undefined || raw === '') continue;
    if (!/^\d{1,12}$/.test(raw) || Number(raw) < 1) problems.push(`${name} must be a whole number of milliseconds, at least 1 (got "${raw}")`);
    else config[field] = Number(raw);
  }
  const hosts = env.REGISTRY_WEBHOOK_ALLOWED_HOSTS?.trim();
  if (hosts) {
    const list = hosts.split(',').map((host) => host.trim().toLowerCase()).filter((host) => host !== '');
    const bad = list.filter((host) => !/^[a-z0-9.:[\]-]{1,253}$/.test(host));
    if (bad.length > 0) problems.push(`REGISTRY_WEBHOOK_ALLOWED_HOSTS must list host names or IP addresses, comma-separated (got "${bad.join('", "')}")`);
    config.allowedHosts = list.map((host) => host.replace(/^\[(.*)\]$/, '$1'));
  }
  const key = env.REGISTRY_WEBHOOK_SECRET_KEY?.trim();
  if (key) {
    if (!/^\S{32,512}$/.test(key)) problems.push('REGISTRY_WEBHOOK_SECRET_KEY must be 32 to 512 characters without spaces');
    else config.secretKey = key;
  }
  if (problems.length > 0) throw new ConfigError(`Invalid configuration: ${problems.join('; ')}.`);
  return config;
}
