export { API_KEY_DIRECTORY, type ApiKeyDirectory, type ApiKeyRecord } from './api-key-directory';
export { generateApiKey, legacyKeyHash, OPERATOR_KEY_ID, type GeneratedApiKey } from './api-key-secret';
export { AuthModule } from './auth.module';
export { Authorizer } from './authorizer';
export { CallerActor } from './caller-actor.decorator';
export { identifyCaller, type Caller } from './caller';
export { KEY_HASHING, KeyHashing } from './key-hashing';
export { KEY_SECRET_FILE, loadKeySecret } from './key-secret';
