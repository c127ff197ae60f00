import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { calendarDateOf, isRuleViolation, type Actor } from '@registry/domain';
import type { EventStore } from '@registry/event-store';
import { createHash } from 'node:crypto';
import { ApplicationError } from '../../errors';
import { EVENT_STORE } from '../../store';
import { CLOCK, type Clock } from '../../clock';
import { commandHashOf, ExecuteRegistryCommand, type CommandDraft } from '../../write/command-pipeline';
import { LogEventBridge } from '../log-event-bridge';
import { ProcessManagerStore, type SuspensionDeadline } from '../process-manager-store';

/** The key id the process manager's commands are recorded under (there is no API key behind it). */
export const SUSPENSION_DEADLINES_KEY_ID = 'process-manager:suspension-deadlines';

/** Looks for reached deadlines at least this often (and at start, which carries out those missed while down). */
const CHECK_EVERY_MS = 60_000;

const LIFTING = new Set(['CertificateReinstated', 'CertificateWithdrawn', 'CertificateCancelled', 'AccreditationReinstated', 'AccreditationWithdrawn']);

/**
 * The process manager of suspensions with an end: on `until`, a suspension still in force (nothing reinstated,
 * withdrew or cancelled after it in its stream) becomes a withdrawal effective that day. The command goes
 * through the CommandBus like any other and is recorded under SUSPENSION_DEADLINES_KEY_ID, with a command id
 * derived from the suspension event's id (sent twice, it is a replay) and that id as its causationId.
 */
@Injectable()
export class SuspensionDeadlinesScheduler implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('SuspensionDeadlines');
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = false;

  constructor(
    @Inject(EVENT_STORE) private readonly log: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly store: ProcessManagerStore,
    private readonly commands: CommandBus,
    private readonly bridge: LogEventBridge,
  ) {}

  /** Once the bridge caught up with the log: deadlines passed while the registry was down are carried out then. */
  onApplicationBootstrap(): void {
    void this.bridge.ready.then(() => (this.stopped ? undefined : this.settleDue()));
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  private async settleDue(): Promise<void> {
    this.running = (async () => {
      for (const deadline of this.store.due(calendarDateOf(this.clock.now()))) {
        if (this.stopped) return;
        await this.settle(deadline).catch((error: unknown) => this.logger.warn(`deadline of ${deadline.stream} not settled yet: ${(error as Error).message}`));
      }
    })();
    await this.running;
    if (this.stopped) return;
    const next = this.store.nextUntil();
    const wait = next === null ? CHECK_EVERY_MS : Math.min(CHECK_EVERY_MS, Math.max(1_000, Date.parse(`${next}T00:00:00.000Z`) - this.clock.now().getTime()));
    this.timer = setTimeout(() => void this.settleDue(), wait);
    this.timer.unref();
  }

  private async settle(deadline: SuspensionDeadline): Promise<void> {
    const later = await this.log.readStream(deadline.stream, { fromRevision: BigInt(deadline.revision + 1) });
    const lifted = later.find((event) => LIFTING.has(event.type));
    if (lifted) {
      this.store.settle(deadline.suspensionEventId, `lifted by ${lifted.type} at position ${lifted.position}`);
      return;
    }
    const reason = `suspended until ${deadline.until} and not reinstated by then`;
    const draft: CommandDraft =
      deadline.kind === 'CERTIFICATE'
        ? { type: 'WithdrawCertificate', data: { number: deadline.subject, effectiveOn: deadline.until, reason }, actor: this.actor('CERTIFICATION_BODY', deadline.cbId) }
        : { type: 'WithdrawAccreditation', data: { cbId: deadline.subject, effectiveOn: deadline.until, reason }, actor: this.actor('ACCREDITATION_BODY', null) };
    const commandId = commandIdFrom(deadline.suspensionEventId);
    try {
      const outcome = await this.commands.execute(
        new ExecuteRegistryCommand(draft, {
          commandId,
          commandIdFromCaller: true,
          correlationId: deadline.correlationId,
          causationId: deadline.suspensionEventId,
          commandHash: commandHashOf(draft.type, SUSPENSION_DEADLINES_KEY_ID, draft.data),
        }),
      );
      this.store.settle(deadline.suspensionEventId, `withdrawn at position ${outcome.position}`);
    } catch (error) {
      // A rule refuses it (withdrawn meanwhile, a later change): nothing to do, and nothing to retry.
      if (isRuleViolation(error) || (error instanceof ApplicationError && error.code !== 'SERVICE_UNAVAILABLE')) {
        this.store.settle(deadline.suspensionEventId, `refused: ${error.message}`);
        return;
      }
      throw error;
    }
  }

  private actor(role: 'CERTIFICATION_BODY' | 'ACCREDITATION_BODY', cbId: string | null): Actor {
    return cbId === null ? { role, keyId: SUSPENSION_DEADLINES_KEY_ID } : { role, keyId: SUSPENSION_DEADLINES_KEY_ID, cbId };
  }
}

/** A UUID-shaped id that depends only on the suspension event: the same deadline always sends the same command. */
function commandIdFrom(eventId: string): string {
  const hex = createHash('sha256').update(`suspension-deadline\u0000${eventId}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
