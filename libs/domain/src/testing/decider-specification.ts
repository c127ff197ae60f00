import type { Decider } from '../shared/decider';
import type { RuleCode, ViolationKind } from '../shared/rule-codes';
import { RuleViolation } from '../shared/rule-violation';

/** given(past events).when(command).then(new events) | .thenRejects(code) — a decider spec as a sentence. */
export function deciderSpecification<State, Command, Event>(decider: Decider<State, Command, Event>) {
  return (given: Event[] = []) => ({
    when: (command: Command) => {
      const run = () => decider.decide(command, given.reduce(decider.evolve, decider.initialState()));
      return {
        then: (expected: Event[]) => {
          expect(run()).toEqual(expected);
        },
        thenRejects: (code: RuleCode, details: { kind?: ViolationKind; field?: string } = {}) => {
          let thrown: unknown = null;
          try {
            run();
          } catch (error: unknown) {
            thrown = error;
          }
          expect(thrown).toBeInstanceOf(RuleViolation);
          const violation = thrown as RuleViolation;
          expect(violation.code).toBe(code);
          if (details.kind) expect(violation.kind).toBe(details.kind);
          if (details.field) expect(violation.field).toBe(details.field);
          return violation;
        },
      };
    },
  });
}
