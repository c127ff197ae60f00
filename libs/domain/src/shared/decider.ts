/** The write-side model of one aggregate: fold the stream's events into state, decide on a command. */
export type Decider<State, Command, Event> = {
  initialState: () => State;
  evolve: (state: State, event: Event) => State;
  /** Returns the events to append, or throws a RuleViolation. Never reads a clock or a store. */
  decide: (command: Command, state: State) => Event[];
};

/** Replays a stream into state. */
export function foldState<State, Command, Event>(
  decider: Decider<State, Command, Event>,
  events: readonly Event[],
): State {
  return events.reduce(decider.evolve, decider.initialState());
}

/** The `default` branch of an exhaustive switch: a compile error when a case is missing. */
export function unreachable(value: never): never {
  throw new Error(`unexpected value: ${JSON.stringify(value)}`);
}
