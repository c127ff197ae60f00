import type { ApiKeyCommand } from './api-keys/commands';
import type { ArrangementCommand } from './arrangements/commands';
import type { CertificateCommand } from './certificates/commands';
import type { CertificationBodyCommand } from './certification-bodies/commands';
import type { RecognitionCommand } from './recognition-decisions/commands';
import type { SchemeCommand } from './schemes/commands';
import type { WitnessCommand } from './witnesses/commands';
import type { WatchCommand } from './watches/commands';
import type { NumberPrefixCommand } from './number-prefixes/commands';
import type { SkillsCommand } from './skills/skills-command';

export type RegistryCommand =
  | SchemeCommand
  | CertificationBodyCommand
  | CertificateCommand
  | ArrangementCommand
  | RecognitionCommand
  | ApiKeyCommand
  | WitnessCommand
  | WatchCommand
  | NumberPrefixCommand
  | SkillsCommand;

export type RegistryCommandType = RegistryCommand['type'];
