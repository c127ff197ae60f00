import { Args, Mutation, Resolver } from '@nestjs/graphql';
import type { Actor } from '@registry/domain';
import { CallerActor } from '../../auth';
import { RegistryValidationPipe } from '../../graphql/validation.pipe';
import { CommandResultObject, toCommandResult } from '../mutation/command-result.object';
import { CommandSender } from '../mutation/command-sender';
import { SendsCommand } from '../mutation/sends-command.decorator';
import {
  AddActionPlanItemInput,
  AdoptActionPlanInput,
  AmendAqrfReferencingInput,
  EndorseAqrfReferencingInput,
  LinkSchemeToQualificationInput,
  ProposePriorityOccupationInput,
  RegisterNationalFrameworkInput,
  RegisterNationalQualificationInput,
  ReportActionPlanProgressInput,
  StartAqrfReferencingInput,
  SubmitAqrfReferencingInput,
  ValidatePriorityOccupationInput,
  type LevelReferenceInput,
} from './skills.inputs';

const references = (input: readonly LevelReferenceInput[]) => input.map(({ nqfLevel, aqrfLevel }) => ({ nqfLevel, aqrfLevel }));

/** The mutual-recognition-of-skills mutations: each states its command; who may send it is in permissions.ts. */
@Resolver()
export class SkillsMutations {
  constructor(private readonly commands: CommandSender) {}

  @Mutation(() => CommandResultObject)
  @SendsCommand('RegisterNationalFramework')
  async registerNationalFramework(
    @Args('input', RegistryValidationPipe) input: RegisterNationalFrameworkInput,
    @CallerActor() caller: Actor | null,
  ): Promise<CommandResultObject> {
    const { country, title } = input;
    const levels = input.levels.map(({ level, title: levelTitle }) => ({ level, title: levelTitle }));
    return toCommandResult(await this.commands.send(caller, input, { type: 'RegisterNationalFramework', data: { country, title, levels } }));
  }

  @Mutation(() => CommandResultObject)
  @SendsCommand('StartAqrfReferencing')
  async startAqrfReferencing(
    @Args('input', RegistryValidationPipe) input: StartAqrfReferencingInput,
    @CallerActor() caller: Actor | null,
  ): Promise<CommandResultObject> {
    const data = { country: input.country, references: references(input.references), startedOn: input.startedOn };
    return toCommandResult(await this.commands.send(caller, input, { type: 'StartAqrfReferencing', data }));
  }

  @Mutation(() => CommandResultObject)
  @SendsCommand('AmendAqrfReferencing')
  async amendAqrfReferencing(
    @Args('input', RegistryValidationPipe) input: AmendAqrfReferencingInput,
    @CallerActor() caller: Actor | null,
  ): Promise<CommandResultObject> {
    const data = { country: input.country, references: references(input.references), amendedOn: input.amendedOn, reason: input.reason };
    return toCommandResult(await this.commands.send(caller, input, { type: 'AmendAqrfReferencing', data }));
  }

  @Mutation(() => CommandResultObject)
  @SendsCommand('SubmitAqrfReferencing')
  async submitAqrfReferencing(
    @Args('input', RegistryValidationPipe) input: SubmitAqrfReferencingInput,
    @CallerActor() caller: Actor | null,
  ): Promise<CommandResultObject> {
    const data = { country: input.country, submittedOn: input.submittedOn };
    return toCommandResult(await this.commands.send(caller, input, { type: 'SubmitAqrfReferencing', data }));
  }

  @Mutation(() => CommandResultObject)
  @SendsCommand('EndorseAqrfReferencing')
  async endorseAqrfReferencing(
    @Args('input', RegistryValidationPipe) input: EndorseAqrfReferencingInput,
    @CallerActor() caller: Actor | null,
  ): Promise<CommandResultObject> {
    const data = { country: input.country, endorsedOn: input.endorsedOn };
    return toCommandResult(await this.commands.send(caller, input, { type: 'EndorseAqrfReferencing', data }));
  }

  @Mutation(() => CommandResultObject)
  @SendsCommand('RegisterNationalQualification')
  async registerNationalQualification(
    @Args('input', RegistryValidationPipe) input: RegisterNationalQualificationInput,
    @CallerActor() caller: Actor | null,
  ): Promise<CommandResultObject> {
    const { id, country, title, occupation, sector, nqfLevel, awardingBody } = input;
    const data = { id, country, title, occupation, sector, nqfLevel, awardingBody };
    return toCommandResult(await this.commands.send(caller, input, { type: 'RegisterNationalQualification', data }));
  }

  @Mutation(() => CommandResultObject)
  @SendsCommand('LinkSchemeToQualification')
  async linkSchemeToQualification(
    @Args('input', RegistryValidationPipe) input: LinkSchemeToQualificationInput,
    @CallerActor() caller: Actor | null,
  ): Promise<CommandResultObject> {
    const { schemeCode, qualificationId, aqrfLevel, linkedOn } = input;
    const data = { schemeCode, qualificationId, aqrfLevel, linkedOn };
    return toCommandResult(await this.commands.send(caller, input, { type: 'LinkSchemeToQualification', data }));
  }

  @Mutation(() => CommandResultObject)
  @SendsCommand('ProposePriorityOccupation')
  async proposePriorityOccupation(
    @Args('input', RegistryValidationPipe) input: ProposePriorityOccupationInput,
    @CallerActor() caller: Actor | null,
  ): Promise<CommandResultObject> {
    const { country, code, sector, occupation, proposedOn } = input;
    const data = { country, code, sector, occupation, proposedOn };
    return toCommandResult(await this.commands.send(caller, input, { type: 'ProposePriorityOccupation', data }));
  }

  @Mutation(() => CommandResultObject)
  @SendsCommand('ValidatePriorityOccupation')
  async validatePriorityOccupation(
    @Args('input', RegistryValidationPipe) input: ValidatePriorityOccupationInput,
    @CallerActor() caller: Actor | null,
  ): Promise<CommandResultObject> {
    const { country, code, partner, organisation, representative, outcome, validatedOn } = input;
    const data = { country, code, partner, organisation, representative, outcome, validatedOn };
    return toCommandResult(await this.commands.send(caller, input, { type: 'ValidatePriorityOccupation', data }));
  }

  @Mutation(() => CommandResultObject)
  @SendsCommand('AdoptActionPlan')
  async adoptActionPlan(
    @Args('input', RegistryValidationPipe) input: AdoptActionPlanInput,
    @CallerActor() caller: Actor | null,
  ): Promise<CommandResultObject> {
    const { country, title, targetCountries, adoptedOn } = input;
    const data = { country, title, targetCountries, adoptedOn };
    return toCommandResult(await this.commands.send(caller, input, { type: 'AdoptActionPlan', data }));
  }

  @Mutation(() => CommandResultObject)
  @SendsCommand('AddActionPlanItem')
  async addActionPlanItem(
    @Args('input', RegistryValidationPipe) input: AddActionPlanItemInput,
    @CallerActor() caller: Actor | null,
  ): Promise<CommandResultObject> {
    const { country, itemId, kind, description, dueOn } = input;
    const data = { country, itemId, kind, description, dueOn };
    return toCommandResult(await this.commands.send(caller, input, { type: 'AddActionPlanItem', data }));
  }

  @Mutation(() => CommandResultObject)
  @SendsCommand('ReportActionPlanProgress')
  async reportActionPlanProgress(
    @Args('input', RegistryValidationPipe) input: ReportActionPlanProgressInput,
    @CallerActor() caller: Actor | null,
  ): Promise<CommandResultObject> {
    const { country, itemId, progress, note, reportedOn } = input;
    const data = { country, itemId, progress, note, reportedOn };
    return toCommandResult(await this.commands.send(caller, input, { type: 'ReportActionPlanProgress', data }));
  }
}
