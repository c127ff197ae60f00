import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { RuleViolation, watchOwnerKey, type Actor, type WatchTarget } from '@registry/domain';
import { randomUUID } from 'node:crypto';
import { CallerActor } from '../../auth';
import { badUserInput } from '../../errors';
import { RegistryValidationPipe } from '../../graphql/validation.pipe';
import type { CommandOutcome } from '../../write/command-pipeline';
import { CommandResultObject, toCommandResult } from '../../write/mutation/command-result.object';
import { CommandSender } from '../../write/mutation/command-sender';
import { SendsCommand } from '../../write/mutation/sends-command.decorator';
import { NotificationsHost } from '../notifications.host';
import { WebhookTargetRefused } from '../webhooks/address-guard';
import { CreateWatchInput, DeleteWatchInput, RotateWatchSecretInput } from './watch.inputs';
import { WatchSecretResultObject } from './watch.objects';

@Resolver()
export class WatchMutations {
  constructor(
    private readonly commands: CommandSender,
    private readonly notifications: NotificationsHost,
  ) {}

  @Mutation(() => WatchSecretResultObject, {
    description:
      'Creates a watch: its webhook is told when the answers it follows change, or when items of the action plan it follows fall overdue. Answers with the signing secret, once. EMPLOYER or CERTIFICATION_BODY keys; SKILLS_FOCAL_POINT or ACCREDITATION_BODY keys for action plans.',
  })
  @SendsCommand('CreateWatch')
  async createWatch(@Args('input', RegistryValidationPipe) input: CreateWatchInput, @CallerActor() caller: Actor | null): Promise<WatchSecretResultObject> {
    const target = targetOf(input);
    try {
      this.notifications.guard.checkLiteral(input.url);
    } catch (error) {
      if (error instanceof WebhookTargetRefused) throw new RuleViolation('WEBHOOK_TARGET_NOT_ALLOWED', error.message, 'url');
      throw error;
    }
    const watchId = input.watchId ?? input.commandId ?? randomUUID();
    const outcome = await this.commands.send(caller, input, { type: 'CreateWatch', data: { watchId, target, url: input.url } });
    return this.withSecret(outcome, caller, watchId);
  }

  @Mutation(() => WatchSecretResultObject, { description: 'A new signing secret for your watch; the old one stops signing at once. Answers with the secret, once.' })
  @SendsCommand('RotateWatchSecret')
  async rotateWatchSecret(@Args('input', RegistryValidationPipe) input: RotateWatchSecretInput, @CallerActor() caller: Actor | null): Promise<WatchSecretResultObject> {
    const outcome = await this.commands.send(caller, input, { type: 'RotateWatchSecret', data: { watchId: input.watchId } });
    return this.withSecret(outcome, caller, input.watchId);
  }

  @Mutation(() => CommandResultObject, { description: 'Deletes your watch: nothing more is delivered through it.' })
  @SendsCommand('DeleteWatch')
  async deleteWatch(@Args('input', RegistryValidationPipe) input: DeleteWatchInput, @CallerActor() caller: Actor | null): Promise<CommandResultObject> {
    return toCommandResult(await this.commands.send(caller, input, { type: 'DeleteWatch', data: { watchId: input.watchId } }));
  }

  private async withSecret(outcome: CommandOutcome, caller: Actor | null, watchId: string): Promise<WatchSecretResultObject> {
    await this.notifications.waitFor(outcome.position);
    const watch = caller && this.notifications.watch(watchId);
    // The command succeeded for this caller, so the watch is theirs.
    if (!watch || watchOwnerKey(watch.owner) !== watchOwnerKey(caller)) throw new Error(`watch ${watchId} is not folded after its command`);
    return { ...toCommandResult(outcome), watchId, secret: this.notifications.secretOf(watch) };
  }
}

function targetOf(input: CreateWatchInput): WatchTarget {
  const given = [input.certificates != null, input.certificationBodyId != null, input.arrangementId != null, input.actionPlan != null].filter(Boolean).length;
  if (given !== 1) {
    throw badUserInput([{ path: 'input.certificates', message: 'give exactly one of certificates, certificationBodyId, arrangementId or actionPlan' }]);
  }
  if (input.actionPlan != null) return { kind: 'ACTION_PLAN', country: input.actionPlan.country ?? null };
  if (input.certificates != null) {
    return { kind: 'CERTIFICATES', certificates: input.certificates.map(({ certificateNumber, country }) => ({ certificateNumber, country })) };
  }
  if (input.certificationBodyId != null) return { kind: 'CERTIFICATION_BODY', cbId: input.certificationBodyId };
  return { kind: 'ARRANGEMENT', arrangementId: input.arrangementId as string };
}
