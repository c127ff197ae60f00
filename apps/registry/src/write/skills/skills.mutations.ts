import { Resolver } from '@nestjs/graphql';
import { CommandMutations, command } from '../mutation/command-mutations';
import {
  AddActionPlanItemInput,
  AdoptActionPlanInput,
  AmendActionPlanTargetsInput,
  AmendAqrfReferencingInput,
  AmendNationalFrameworkLevelsInput,
  EndorseAqrfReferencingInput,
  LinkSchemeToQualificationInput,
  ProposePriorityOccupationInput,
  RegisterNationalFrameworkInput,
  RegisterNationalQualificationInput,
  ReportActionPlanProgressInput,
  StartAqrfReferencingInput,
  SubmitAqrfReferencingInput,
  ValidatePriorityOccupationInput,
} from './skills.inputs';

/** The mutual-recognition-of-skills mutations: each states its command; who may send it is in its declaration.ts. */
@Resolver()
export class SkillsMutations extends CommandMutations({
  registerNationalFramework: command('RegisterNationalFramework', RegisterNationalFrameworkInput),
  amendNationalFrameworkLevels: command('AmendNationalFrameworkLevels', AmendNationalFrameworkLevelsInput),
  startAqrfReferencing: command('StartAqrfReferencing', StartAqrfReferencingInput),
  amendAqrfReferencing: command('AmendAqrfReferencing', AmendAqrfReferencingInput),
  submitAqrfReferencing: command('SubmitAqrfReferencing', SubmitAqrfReferencingInput),
  endorseAqrfReferencing: command('EndorseAqrfReferencing', EndorseAqrfReferencingInput),
  registerNationalQualification: command('RegisterNationalQualification', RegisterNationalQualificationInput),
  linkSchemeToQualification: command('LinkSchemeToQualification', LinkSchemeToQualificationInput),
  proposePriorityOccupation: command('ProposePriorityOccupation', ProposePriorityOccupationInput),
  validatePriorityOccupation: command('ValidatePriorityOccupation', ValidatePriorityOccupationInput),
  adoptActionPlan: command('AdoptActionPlan', AdoptActionPlanInput),
  amendActionPlanTargets: command('AmendActionPlanTargets', AmendActionPlanTargetsInput),
  addActionPlanItem: command('AddActionPlanItem', AddActionPlanItemInput),
  reportActionPlanProgress: command('ReportActionPlanProgress', ReportActionPlanProgressInput),
}) {}
