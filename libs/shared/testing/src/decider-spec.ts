import type { Decider } from '@trajectory/shared/decider';

type ErrorClass = abstract new (...args: never[]) => Error;

/**
 * given/when/then for deciders: `given(events).when(command).then(expectedEvents)` or
 * `.thenThrows(ErrorClass)`. Uses jest's `expect`, so it only runs inside tests.
 */
export function deciderSpec<State, Command, Event>(decider: Decider<State, Command, Event>) {
  return {
    given(events: readonly Event[]) {
      return {
        when(command: Command) {
          const run = () => decider.decide(command, events.reduce(decider.evolve, decider.initialState()));
          return {
            then(expected: readonly Event[]): void {
              expect(run()).toEqual(expected);
            },
            thenThrows(errorClass: ErrorClass, code?: string): void {
              let caught: unknown;
              try {
                run();
              } catch (error) {
                caught = error;
              }
              expect(caught).toBeInstanceOf(errorClass);
              if (code !== undefined) expect((caught as { code?: string }).code).toBe(code);
            },
          };
        },
      };
    },
  };
}
