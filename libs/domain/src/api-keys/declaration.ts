import { declareAggregate } from '../aggregate';
import { apiKeyStream } from '../streams';
import type { ApiKeyCommand } from './commands';
import { apiKeyDecider, type ApiKeyState } from './decider';
import { isApiKeyEvent, type ApiKeyEvent } from './events';

const AB = ['ACCREDITATION_BODY'] as const;

export const apiKeyAggregate = declareAggregate<ApiKeyCommand, ApiKeyState, ApiKeyEvent>({
  stream: ({ keyId }) => apiKeyStream(keyId),
  decider: apiKeyDecider,
  isEvent: isApiKeyEvent,
  commands: {
    CreateApiKey: { roles: AB, facts: async ({ data }, source) => ({ body: data.cbId == null ? null : await source.certificationBody(data.cbId) }) },
    RevokeApiKey: { roles: AB },
  },
});
