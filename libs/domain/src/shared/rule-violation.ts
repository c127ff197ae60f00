import { RULE_CODES, type RuleCode, type ViolationKind } from './rule-codes';

/** A command refused by a rule. Nothing is appended; the edge maps `kind` to its error code. */
export class RuleViolation extends Error {
  override readonly name = 'RuleViolation';
  readonly kind: ViolationKind;

  constructor(
    readonly code: RuleCode,
    message: string,
    /** The command input field at fault, when one is. */
    readonly field?: string,
  ) {
    super(message);
    this.kind = RULE_CODES[code];
  }
}

export function isRuleViolation(error: unknown): error is RuleViolation {
  return error instanceof RuleViolation;
}
