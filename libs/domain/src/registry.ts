import { apiKeyDecider } from './api-keys/decider';
import { isApiKeyEvent } from './api-keys/events';
import { arrangementDecider } from './arrangements/decider';
import { isArrangementEvent } from './arrangements/events';
import { certificateDecider } from './certificates/decider';
import { isCertificateEvent } from './certificates/events';
import { certificationBodyDecider } from './certification-bodies/decider';
import { isCertificationBodyEvent } from './certification-bodies/events';
import { recognitionDecider } from './recognition-decisions/decider';
import { isRecognitionEvent } from './recognition-decisions/events';
import type { RegistryCommand } from './registry-command';
import type { RegistryEvent } from './registry-event';
import { schemeDecider } from './schemes/decider';
import { isSchemeEvent } from './schemes/events';
import { witnessDecider } from './witnesses/decider';
import { isWitnessEvent } from './witnesses/events';
import { foldState, unreachable } from './shared/decider';
import { actionPlanDecider } from './skills/action-plans/decider';
import { isActionPlanEvent } from './skills/action-plans/events';
import { nationalFrameworkDecider } from './skills/frameworks/decider';
import { isNationalFrameworkEvent } from './skills/frameworks/events';
import { priorityOccupationDecider } from './skills/priority-occupations/decider';
import { isPriorityOccupationEvent } from './skills/priority-occupations/events';
import { nationalQualificationDecider } from './skills/qualifications/decider';
import { isNationalQualificationEvent } from './skills/qualifications/events';
import { schemeLinkDecider } from './skills/scheme-links/decider';
import { isSchemeLinkEvent } from './skills/scheme-links/events';
import {
  apiKeyStream,
  arrangementStream,
  certificateStream,
  certificationBodyStream,
  recognitionStream,
  schemeStream,
  witnessStream,
  actionPlanStream,
  nationalFrameworkStream,
  nationalQualificationStream,
  priorityOccupationStream,
  schemeLinkStream,
} from './streams';

/** The stream a command is decided on and appended to. */
export function commandStream(command: RegistryCommand): string {
  switch (command.type) {
    case 'RegisterScheme':
      return schemeStream(command.data.code);
    case 'AccreditCertificationBody':
    case 'RenewAccreditation':
    case 'ExtendAccreditationScope':
    case 'ReduceAccreditationScope':
    case 'SuspendAccreditation':
    case 'ReinstateAccreditation':
    case 'WithdrawAccreditation':
      return certificationBodyStream(command.data.cbId);
    case 'IssueCertificate':
    case 'RenewCertificate':
    case 'SuspendCertificate':
    case 'ReinstateCertificate':
    case 'WithdrawCertificate':
    case 'CancelCertificate':
      return certificateStream(command.data.number);
    case 'SignArrangement':
    case 'AdmitArrangementParty':
    case 'WithdrawArrangementParty':
    case 'AmendArrangementScope':
    case 'SuspendArrangement':
    case 'ReinstateArrangement':
    case 'TerminateArrangement':
      return arrangementStream(command.data.id);
    case 'GrantRecognition':
    case 'RevokeRecognition':
      return recognitionStream(command.data.certificateNumber, command.data.country);
    case 'CreateApiKey':
    case 'RevokeApiKey':
      return apiKeyStream(command.data.keyId);
    case 'RegisterWitness':
      return witnessStream(command.data.name);
    case 'RegisterNationalFramework':
    case 'StartAqrfReferencing':
    case 'AmendAqrfReferencing':
    case 'SubmitAqrfReferencing':
    case 'EndorseAqrfReferencing':
      return nationalFrameworkStream(command.data.country);
    case 'RegisterNationalQualification':
      return nationalQualificationStream(command.data.id);
    case 'LinkSchemeToQualification':
      return schemeLinkStream(command.data.schemeCode);
    case 'ProposePriorityOccupation':
    case 'ValidatePriorityOccupation':
      return priorityOccupationStream(command.data.country, command.data.code);
    case 'AdoptActionPlan':
    case 'AddActionPlanItem':
    case 'ReportActionPlanProgress':
      return actionPlanStream(command.data.country);
    default:
      return unreachable(command);
  }
}

/**
 * Folds the command's stream (already upcast) with the right decider and decides. Returns the events to
 * append at the stream's current revision, or throws a RuleViolation.
 */
export function decideCommand(command: RegistryCommand, history: readonly RegistryEvent[]): RegistryEvent[] {
  switch (command.type) {
    case 'RegisterScheme':
      return schemeDecider.decide(command, foldState(schemeDecider, history.filter(isSchemeEvent)));
    case 'AccreditCertificationBody':
    case 'RenewAccreditation':
    case 'ExtendAccreditationScope':
    case 'ReduceAccreditationScope':
    case 'SuspendAccreditation':
    case 'ReinstateAccreditation':
    case 'WithdrawAccreditation':
      return certificationBodyDecider.decide(command, foldState(certificationBodyDecider, history.filter(isCertificationBodyEvent)));
    case 'IssueCertificate':
    case 'RenewCertificate':
    case 'SuspendCertificate':
    case 'ReinstateCertificate':
    case 'WithdrawCertificate':
    case 'CancelCertificate':
      return certificateDecider.decide(command, foldState(certificateDecider, history.filter(isCertificateEvent)));
    case 'SignArrangement':
    case 'AdmitArrangementParty':
    case 'WithdrawArrangementParty':
    case 'AmendArrangementScope':
    case 'SuspendArrangement':
    case 'ReinstateArrangement':
    case 'TerminateArrangement':
      return arrangementDecider.decide(command, foldState(arrangementDecider, history.filter(isArrangementEvent)));
    case 'GrantRecognition':
    case 'RevokeRecognition':
      return recognitionDecider.decide(command, foldState(recognitionDecider, history.filter(isRecognitionEvent)));
    case 'CreateApiKey':
    case 'RevokeApiKey':
      return apiKeyDecider.decide(command, foldState(apiKeyDecider, history.filter(isApiKeyEvent)));
    case 'RegisterWitness':
      return witnessDecider.decide(command, foldState(witnessDecider, history.filter(isWitnessEvent)));
    case 'RegisterNationalFramework':
    case 'StartAqrfReferencing':
    case 'AmendAqrfReferencing':
    case 'SubmitAqrfReferencing':
    case 'EndorseAqrfReferencing':
      return nationalFrameworkDecider.decide(command, foldState(nationalFrameworkDecider, history.filter(isNationalFrameworkEvent)));
    case 'RegisterNationalQualification':
      return nationalQualificationDecider.decide(command, foldState(nationalQualificationDecider, history.filter(isNationalQualificationEvent)));
    case 'LinkSchemeToQualification':
      return schemeLinkDecider.decide(command, foldState(schemeLinkDecider, history.filter(isSchemeLinkEvent)));
    case 'ProposePriorityOccupation':
    case 'ValidatePriorityOccupation':
      return priorityOccupationDecider.decide(command, foldState(priorityOccupationDecider, history.filter(isPriorityOccupationEvent)));
    case 'AdoptActionPlan':
    case 'AddActionPlanItem':
    case 'ReportActionPlanProgress':
      return actionPlanDecider.decide(command, foldState(actionPlanDecider, history.filter(isActionPlanEvent)));
    default:
      return unreachable(command);
  }
}
