import { RuleViolation } from '../shared/rule-violation';

/** The longest webhook URL accepted. */
export const WEBHOOK_URL_MAX_LENGTH = 2048;

/**
 * The shape of a webhook URL: http or https, a host, no user name or password (they would be logged and
 * shown). Whether the host may be reached (not the registry's own network) is checked where addresses are
 * known: at the edge and again before each delivery, after DNS resolution.
 */
export function requireWebhookUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new RuleViolation('WEBHOOK_URL_INVALID', 'the webhook URL is not an absolute URL', 'url');
  }
  if (value.length > WEBHOOK_URL_MAX_LENGTH) throw new RuleViolation('WEBHOOK_URL_INVALID', `the webhook URL is longer than ${WEBHOOK_URL_MAX_LENGTH} characters`, 'url');
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new RuleViolation('WEBHOOK_URL_INVALID', 'the webhook URL must be http or https', 'url');
  if (url.username !== '' || url.password !== '') throw new RuleViolation('WEBHOOK_URL_INVALID', 'the webhook URL must not carry a user name or password', 'url');
  if (url.hostname === '') throw new RuleViolation('WEBHOOK_URL_INVALID', 'the webhook URL has no host', 'url');
  return url.href;
}
