import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { isRuleViolation } from '@registry/domain';
import { createHash } from 'node:crypto';
import { type Config, REGISTRY_CONFIG } from '../config';
import { ApplicationError } from '../errors';
import { READ_MODEL_PROGRESS, type ReadModelProgress } from '../read/read-model-progress';
import { commandHashOf, ExecuteRegistryCommand } from '../write/command-pipeline';
import { API_KEY_DIRECTORY, type ApiKeyDirectory } from './api-key-directory';
import { claimedKeyId, formatApiKey } from './api-key-secret';
import { KEY_HASHING, type KeyHashing } from './key-hashing';

/** Every replica that finds an empty store aims at this one stream, so exactly one first key can be created. */
const BOOTSTRAP_COMMAND_ID = 'bootstrap-first-administrator-key';
const GENERATED_KEY_ID = createHash('sha256').update(BOOTSTRAP_COMMAND_ID).digest('hex').slice(0, 16);

export type FirstKey = { key: string; keyId: string; generated: boolean };

export function firstKeyFrom(adminKey: string | undefined): FirstKey {
  if (adminKey !== undefined) return { key: adminKey, keyId: claimedKeyId(adminKey), generated: false };
  return { key: formatApiKey(GENERATED_KEY_ID), keyId: GENERATED_KEY_ID, generated: true };
}

/**
 * On a store with no keys, the first ACCREDITATION_BODY key is REGISTRY_ADMIN_KEY, or a generated key printed
 * once on standard output (never through the logger, whose output may be shipped elsewhere). It goes through the
 * same command pipeline as every key, so it is an event like any other and only its hash is kept.
 */
@Injectable()
export class BootstrapAdminKey implements OnApplicationBootstrap {
  private readonly logger = new Logger('BootstrapAdminKey');

  constructor(
    @Inject(REGISTRY_CONFIG) private readonly config: Config,
    @Inject(API_KEY_DIRECTORY) private readonly directory: ApiKeyDirectory,
    @Inject(READ_MODEL_PROGRESS) private readonly progress: ReadModelProgress,
    @Inject(KEY_HASHING) private readonly hashing: KeyHashing,
    // The CqrsModule is global, so its bootstrap hook (which gives the bus its handlers) has run before this one:
    // Nest runs global modules' lifecycle hooks first.
    private readonly bus: CommandBus,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    let keys: number;
    try {
      keys = this.directory.count();
    } catch (error) {
      // Read models being rebuilt cannot say whether the log holds keys: never guess, create none.
      if (error instanceof ApplicationError && error.code === 'SERVICE_UNAVAILABLE') {
        this.logger.warn(`the first-key check is skipped at this start: ${error.message}`);
        return;
      }
      throw error;
    }
    if (keys > 0) {
      await this.checkOperatorKey();
      return;
    }
    const first = firstKeyFrom(this.config.adminKey);
    // A generated key is 256 random bits: one HMAC. A key an operator chose may be guessable: scrypt as well.
    const keyHash = first.generated ? this.hashing.hashGeneratedKey(first.key) : await this.hashing.hashOperatorKey(first.key);
    const draft = {
      type: 'CreateApiKey' as const,
      data: {
        keyId: first.keyId,
        role: 'ACCREDITATION_BODY' as const,
        cbId: null,
        label: 'first administrator (bootstrap)',
        keyHash,
      },
      actor: { role: 'ACCREDITATION_BODY' as const, keyId: 'bootstrap' },
    };
    // Every replica asks the same thing (a first key), whatever secret it drew: a twin's key is a replay.
    const commandHash = commandHashOf('CreateApiKey', 'bootstrap', { bootstrap: true });
    const envelope = { commandId: BOOTSTRAP_COMMAND_ID, commandIdFromCaller: false, correlationId: BOOTSTRAP_COMMAND_ID, commandHash };
    try {
      const outcome = await this.bus.execute(new ExecuteRegistryCommand(draft, envelope));
      await this.progress.waitFor(outcome.position);
      if (outcome.replayed) return; // another replica created it first; its key is the one that works
      this.hashing.remember(first.key, first.keyId, keyHash);
    } catch (error) {
      if (isRuleViolation(error)) return; // created meanwhile by another replica
      throw error;
    }
    if (first.generated) {
      process.stdout.write(
        '\n  The registry had no API keys, so it created the first ACCREDITATION_BODY key.\n' +
          '  It is shown this once and stored only as a hash; keep it safe:\n\n' +
          `    ${first.key}\n\n` +
          '  Use it as "Authorization: Bearer <key>". Set REGISTRY_ADMIN_KEY to choose the first key yourself.\n\n',
      );
    } else {
      this.logger.log('the first ACCREDITATION_BODY key is REGISTRY_ADMIN_KEY');
    }
  }

  /** REGISTRY_ADMIN_KEY set on a store that has keys: its scrypt check is paid here, once, rather than by the
   * first request that presents it; a key recorded as plain SHA-256 (before keys were hashed with the secret)
   * is named, since its hash is in the log for good. */
  private async checkOperatorKey(): Promise<void> {
    const adminKey = this.config.adminKey;
    if (adminKey === undefined) return;
    const record = this.directory.find(claimedKeyId(adminKey));
    if (record === null || record.revoked) return;
    if (/^[0-9a-f]{64}$/.test(record.keyHash)) {
      this.logger.warn(
        `API key ${record.keyId} (REGISTRY_ADMIN_KEY) was recorded as a plain SHA-256 hash, which anyone holding the log or an export can test guesses against: create a new ACCREDITATION_BODY key and revoke this one`,
      );
      return;
    }
    await this.hashing.check(adminKey, record.keyId, record.keyHash);
  }
}
