import type { CalendarDate } from '../../shared/calendar-date';
import { requireDate, requireNotBackdated, requireText } from '../../shared/checks';
import { unreachable, type Decider } from '../../shared/decider';
import { RuleViolation } from '../../shared/rule-violation';
import { requireAqrfLevel, requireMemberState, requireNqfLevel, requireOwnCountry } from '../asean';
import type {
  AmendAqrfReferencing,
  AmendNationalFrameworkLevels,
  EndorseAqrfReferencing,
  NationalFrameworkCommand,
  RegisterNationalFramework,
  StartAqrfReferencing,
  SubmitAqrfReferencing,
} from './commands';
import type { FrameworkLevel, LevelReference, NationalFrameworkEvent } from './events';

export type ReferencingStatus = 'IN_PROGRESS' | 'SUBMITTED' | 'ENDORSED';

type Referencing = { version: number; status: ReferencingStatus; lastChangedOn: CalendarDate };

export type NationalFrameworkState =
  | { status: 'Unregistered' }
  | { status: 'Registered'; country: string; levels: number[]; levelsChangedOn: CalendarDate | null; referencing: Referencing | null };

const initialState = (): NationalFrameworkState => ({ status: 'Unregistered' });

function evolve(state: NationalFrameworkState, event: NationalFrameworkEvent): NationalFrameworkState {
  if (event.type === 'NationalFrameworkRegistered') {
    return { status: 'Registered', country: event.data.country, levels: event.data.levels.map(({ level }) => level), levelsChangedOn: null, referencing: null };
  }
  if (state.status !== 'Registered') return state;
  switch (event.type) {
    case 'NationalFrameworkLevelsAmended':
      return { ...state, levels: event.data.levels.map(({ level }) => level), levelsChangedOn: event.data.amendedOn };
    case 'AqrfReferencingStarted':
      return { ...state, referencing: { version: event.data.version, status: 'IN_PROGRESS', lastChangedOn: event.data.startedOn } };
    case 'AqrfReferencingAmended':
      return { ...state, referencing: { version: event.data.version, status: 'IN_PROGRESS', lastChangedOn: event.data.amendedOn } };
    case 'AqrfReferencingSubmitted':
      return { ...state, referencing: { version: event.data.version, status: 'SUBMITTED', lastChangedOn: event.data.submittedOn } };
    case 'AqrfReferencingEndorsed':
      return { ...state, referencing: { version: event.data.version, status: 'ENDORSED', lastChangedOn: event.data.endorsedOn } };
    default:
      return unreachable(event);
  }
}

function requireLevels(levels: unknown): FrameworkLevel[] {
  if (!Array.isArray(levels) || levels.length === 0) {
    throw new RuleViolation('FRAMEWORK_LEVELS_EMPTY', 'a national framework has at least one level', 'levels');
  }
  const checked = levels.map((entry: FrameworkLevel, index) => ({
    level: requireNqfLevel(entry?.level, `levels.${index}.level`),
    title: requireText(entry?.title, `levels.${index}.title`),
  }));
  const duplicate = checked.find(({ level }, index) => checked.findIndex((other) => other.level === level) !== index);
  if (duplicate) throw new RuleViolation('DUPLICATE_NQF_LEVEL', `level ${duplicate.level} is named twice`, 'levels');
  return [...checked].sort((a, b) => a.level - b.level);
}

/** Every NQF level referenced once, to one AQRF level; several NQF levels may share an AQRF level. */
function requireReferences(references: unknown, levels: readonly number[]): LevelReference[] {
  if (!Array.isArray(references) || references.length === 0) {
    throw new RuleViolation('FRAMEWORK_LEVELS_EMPTY', 'a referencing names at least one level', 'references');
  }
  const checked = references.map((entry: LevelReference, index) => ({
    nqfLevel: requireNqfLevel(entry?.nqfLevel, `references.${index}.nqfLevel`),
    aqrfLevel: requireAqrfLevel(entry?.aqrfLevel, `references.${index}.aqrfLevel`),
  }));
  const unknown = checked.find(({ nqfLevel }) => !levels.includes(nqfLevel));
  if (unknown) {
    throw new RuleViolation('NQF_LEVEL_UNKNOWN', `level ${unknown.nqfLevel} is not a level of the national framework`, 'references');
  }
  const duplicate = checked.find(({ nqfLevel }, index) => checked.findIndex((other) => other.nqfLevel === nqfLevel) !== index);
  if (duplicate) throw new RuleViolation('DUPLICATE_NQF_LEVEL', `level ${duplicate.nqfLevel} is referenced twice`, 'references');
  return [...checked].sort((a, b) => a.nqfLevel - b.nqfLevel);
}

type Registered = Extract<NationalFrameworkState, { status: 'Registered' }>;

function registered(state: NationalFrameworkState, country: string): Registered {
  if (state.status !== 'Registered') {
    throw new RuleViolation('NATIONAL_FRAMEWORK_NOT_FOUND', `${country} has no national framework on record`, 'country');
  }
  return state;
}

function country(command: NationalFrameworkCommand): string {
  const code = requireMemberState(command.data.country, 'country');
  requireOwnCountry(command.actor, code);
  return code;
}

function register(command: RegisterNationalFramework, state: NationalFrameworkState): NationalFrameworkEvent {
  const code = country(command);
  const title = requireText(command.data.title, 'title');
  if (state.status === 'Registered') {
    throw new RuleViolation('NATIONAL_FRAMEWORK_ALREADY_REGISTERED', `${code} already has a national framework on record`, 'country');
  }
  return { type: 'NationalFrameworkRegistered', data: { country: code, title, levels: requireLevels(command.data.levels) } };
}

/** New levels; on a framework whose referencing has begun, a new referencing version of them in progress too, so
 * that the change is endorsed before it counts (the endorsed version answers comparability meanwhile). */
function amendLevels(command: AmendNationalFrameworkLevels, state: NationalFrameworkState): NationalFrameworkEvent[] {
  const code = country(command);
  const framework = registered(state, code);
  const amendedOn = requireDate(command.data.amendedOn, 'amendedOn');
  const reason = requireText(command.data.reason, 'reason');
  const levels = requireLevels(command.data.levels);
  const lastChangedOn = [framework.levelsChangedOn, framework.referencing?.lastChangedOn].filter((on): on is CalendarDate => on != null).sort().at(-1);
  if (lastChangedOn !== undefined) requireNotBackdated(amendedOn, lastChangedOn, 'amendedOn');
  const amended: NationalFrameworkEvent = { type: 'NationalFrameworkLevelsAmended', data: { country: code, levels, amendedOn, reason } };
  const given = command.data.references;
  if (framework.referencing === null) {
    if (given != null && given.length > 0) {
      throw new RuleViolation('REFERENCING_NOT_STARTED', `the referencing of ${code} to the AQRF has not started: start it after the amendment`, 'references');
    }
    return [amended];
  }
  if (given == null || given.length === 0) {
    throw new RuleViolation(
      'REFERENCES_REQUIRED',
      `${code}'s framework is referenced to the AQRF: amending its levels amends the referencing too — give the references of the new levels`,
      'references',
    );
  }
  const references = requireReferences(given, levels.map(({ level }) => level));
  const version = framework.referencing.version + 1;
  return [amended, { type: 'AqrfReferencingAmended', data: { country: code, version, references, amendedOn, reason } }];
}

function start(command: StartAqrfReferencing, state: NationalFrameworkState): NationalFrameworkEvent {
  const code = country(command);
  const framework = registered(state, code);
  const startedOn = requireDate(command.data.startedOn, 'startedOn');
  if (framework.referencing !== null) {
    throw new RuleViolation('REFERENCING_ALREADY_STARTED', `the referencing of ${code} to the AQRF is on record: amend it`, 'country');
  }
  const references = requireReferences(command.data.references, framework.levels);
  return { type: 'AqrfReferencingStarted', data: { country: code, version: 1, references, startedOn } };
}

function referencingOf(framework: Registered): Referencing {
  if (framework.referencing === null) {
    throw new RuleViolation('REFERENCING_NOT_STARTED', `the referencing of ${framework.country} to the AQRF has not started`, 'country');
  }
  return framework.referencing;
}

function amend(command: AmendAqrfReferencing, state: NationalFrameworkState): NationalFrameworkEvent {
  const code = country(command);
  const framework = registered(state, code);
  const amendedOn = requireDate(command.data.amendedOn, 'amendedOn');
  const reason = requireText(command.data.reason, 'reason');
  const referencing = referencingOf(framework);
  requireNotBackdated(amendedOn, referencing.lastChangedOn, 'amendedOn');
  const references = requireReferences(command.data.references, framework.levels);
  return { type: 'AqrfReferencingAmended', data: { country: code, version: referencing.version + 1, references, amendedOn, reason } };
}

function submit(command: SubmitAqrfReferencing, state: NationalFrameworkState): NationalFrameworkEvent {
  const code = country(command);
  const submittedOn = requireDate(command.data.submittedOn, 'submittedOn');
  const referencing = referencingOf(registered(state, code));
  if (referencing.status !== 'IN_PROGRESS') {
    throw new RuleViolation('REFERENCING_NOT_IN_PROGRESS', `version ${referencing.version} of ${code}'s referencing is ${referencing.status}`, 'country');
  }
  requireNotBackdated(submittedOn, referencing.lastChangedOn, 'submittedOn');
  return { type: 'AqrfReferencingSubmitted', data: { country: code, version: referencing.version, submittedOn } };
}

function endorse(command: EndorseAqrfReferencing, state: NationalFrameworkState): NationalFrameworkEvent {
  const code = country(command);
  const endorsedOn = requireDate(command.data.endorsedOn, 'endorsedOn');
  const referencing = referencingOf(registered(state, code));
  if (referencing.status !== 'SUBMITTED') {
    throw new RuleViolation('REFERENCING_NOT_SUBMITTED', `version ${referencing.version} of ${code}'s referencing is ${referencing.status}`, 'country');
  }
  requireNotBackdated(endorsedOn, referencing.lastChangedOn, 'endorsedOn');
  return { type: 'AqrfReferencingEndorsed', data: { country: code, version: referencing.version, endorsedOn } };
}

function decide(command: NationalFrameworkCommand, state: NationalFrameworkState): NationalFrameworkEvent[] {
  switch (command.type) {
    case 'RegisterNationalFramework':
      return [register(command, state)];
    case 'AmendNationalFrameworkLevels':
      return amendLevels(command, state);
    case 'StartAqrfReferencing':
      return [start(command, state)];
    case 'AmendAqrfReferencing':
      return [amend(command, state)];
    case 'SubmitAqrfReferencing':
      return [submit(command, state)];
    case 'EndorseAqrfReferencing':
      return [endorse(command, state)];
    default:
      return unreachable(command);
  }
}

export const nationalFrameworkDecider: Decider<NationalFrameworkState, NationalFrameworkCommand, NationalFrameworkEvent> = {
  initialState,
  evolve,
  decide,
};
