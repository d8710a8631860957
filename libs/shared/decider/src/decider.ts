/**
 * The decider pattern: all business rules are pure functions, so they can be tested
 * without I/O and replayed at will. Modelled on emmett's `Decider` type.
 */
export interface Decider<State, Command, Event> {
  decide(command: Command, state: State): Event[];
  evolve(state: State, event: Event): State;
  initialState(): State;
}

/** Folds events into state with a decider's evolve. */
export function fold<State, Command, Event>(decider: Decider<State, Command, Event>, events: readonly Event[]): State {
  return events.reduce((state, event) => decider.evolve(state, event), decider.initialState());
}

/** Makes a switch exhaustive: the compiler fails when a union member is not handled. */
export function assertNever(value: never): never {
  throw new Error(`Unhandled case: ${JSON.stringify(value)}`);
}
