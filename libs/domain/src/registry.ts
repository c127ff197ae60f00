import { apiKeyDecider } from './api-keys/decider';
import { isApiKeyEvent } from './api-keys/events';
import { arrangementDecider } from './arrangements/decider';
import { isArrangementEvent } from './arrangements/events';
import { certificateDecider } from './certificates/decider';
import { isCertificateEvent } from './certificates/events';
import { certificationBodyDecider } from './certification-bodies/decider';
import { isCertificationBodyEvent } from './certification-bodies/events';
import { recognitionDecider } from './recognitions/decider';
import { isRecognitionEvent } from './recognitions/events';
import type { RegistryCommand } from './registry-command';
import type { RegistryEvent } from './registry-event';
import { schemeDecider } from './schemes/decider';
import { isSchemeEvent } from './schemes/events';
import { unreachable } from './shared/decider';
import {
  apiKeyStream,
  arrangementStream,
  certificateStream,
  certificationBodyStream,
  recognitionStream,
  schemeStream,
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
    case 'RegisterScheme': {
      const { decide, evolve, initialState } = schemeDecider;
      return decide(command, history.filter(isSchemeEvent).reduce(evolve, initialState()));
    }
    case 'AccreditCertificationBody':
    case 'RenewAccreditation':
    case 'ExtendAccreditationScope':
    case 'ReduceAccreditationScope':
    case 'SuspendAccreditation':
    case 'ReinstateAccreditation':
    case 'WithdrawAccreditation': {
      const { decide, evolve, initialState } = certificationBodyDecider;
      return decide(command, history.filter(isCertificationBodyEvent).reduce(evolve, initialState()));
    }
    case 'IssueCertificate':
    case 'RenewCertificate':
    case 'SuspendCertificate':
    case 'ReinstateCertificate':
    case 'WithdrawCertificate':
    case 'CancelCertificate': {
      const { decide, evolve, initialState } = certificateDecider;
      return decide(command, history.filter(isCertificateEvent).reduce(evolve, initialState()));
    }
    case 'SignArrangement':
    case 'AdmitArrangementParty':
    case 'WithdrawArrangementParty':
    case 'AmendArrangementScope':
    case 'SuspendArrangement':
    case 'ReinstateArrangement':
    case 'TerminateArrangement': {
      const { decide, evolve, initialState } = arrangementDecider;
      return decide(command, history.filter(isArrangementEvent).reduce(evolve, initialState()));
    }
    case 'GrantRecognition':
    case 'RevokeRecognition': {
      const { decide, evolve, initialState } = recognitionDecider;
      return decide(command, history.filter(isRecognitionEvent).reduce(evolve, initialState()));
    }
    case 'CreateApiKey':
    case 'RevokeApiKey': {
      const { decide, evolve, initialState } = apiKeyDecider;
      return decide(command, history.filter(isApiKeyEvent).reduce(evolve, initialState()));
    }
    default:
      return unreachable(command);
  }
}
