import { Inject } from '@nestjs/common';
import { Args, Field, InputType, Int, Mutation, Resolver } from '@nestjs/graphql';
import { witnessStream } from '@registry/domain';
import type { EventStore } from '@registry/event-store';
import { parseSignatureLine, parseVerifierKey, type TransparencyLog, type VerifierKey } from '@registry/tlog';
import { IsInt, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { ApplicationError, badUserInput } from '../errors';
import { RegistryValidationPipe } from '../graphql/validation.pipe';
import { EVENT_STORE } from '../store';
import { checkpointObject } from './checkpoint-view';
import { CheckpointObject } from './proof.objects';
import { TRANSPARENCY_LOG } from './transparency-log.token';

@InputType()
export class AddCheckpointCosignatureInput {
  @Field(() => Int, { description: 'The tree size of the checkpoint co-signed: one the registry signed.' })
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  treeSize!: number;

  @Field({ description: 'The witness\'s signature line (c2sp.org/tlog-cosignature): "— <name> <base64(key id || timestamp || signature)>".' })
  @IsString()
  @MaxLength(400)
  @Matches(/^\u2014 [A-Za-z0-9._/:-]{1,100} [A-Za-z0-9+/]{1,200}={0,2}$/, { message: 'cosignature must be one signature line: "— <witness name> <base64>"' })
  cosignature!: string;
}

/**
 * Witnesses post their cosignatures here. No API key is needed: the cosignature authenticates itself, and only
 * one by a key the accreditation body registered (`registerWitness`, recorded in the log) is accepted. It is kept
 * with the checkpoint, outside the log, and served with it.
 */
@Resolver()
export class CosignatureMutation {
  constructor(
    @Inject(TRANSPARENCY_LOG) private readonly log: TransparencyLog,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  @Mutation(() => CheckpointObject, { description: 'Adds a registered witness\'s cosignature to a checkpoint the registry signed.' })
  async addCheckpointCosignature(@Args('input', RegistryValidationPipe) input: AddCheckpointCosignatureInput): Promise<CheckpointObject> {
    const name = lineSigner(input.cosignature);
    const witness = await this.registeredWitness(name);
    if (witness === null) throw new ApplicationError('FORBIDDEN', `${name} is not a witness registered by the accreditation body`);
    if (this.log.checkpoints.at(input.treeSize) === null) {
      throw badUserInput([{ path: 'input.treeSize', message: `the registry signed no checkpoint of ${input.treeSize} leaves` }]);
    }
    const result = this.log.addCosignature(input.treeSize, input.cosignature, [witness]);
    if (!result.ok) throw badUserInput([{ path: 'input.cosignature', message: result.reason }]);
    return checkpointObject(this.log, this.log.checkpoints.at(input.treeSize)!);
  }

  private async registeredWitness(name: string): Promise<VerifierKey | null> {
    const events = await this.store.readStream(witnessStream(name));
    const registered = events.find((event) => event.type === 'WitnessRegistered');
    if (registered === undefined) return null;
    return parseVerifierKey((registered.data as { verifierKey: string }).verifierKey);
  }
}

function lineSigner(line: string): string {
  try {
    return parseSignatureLine(line).name;
  } catch (error) {
    throw badUserInput([{ path: 'input.cosignature', message: (error as Error).message }]);
  }
}
