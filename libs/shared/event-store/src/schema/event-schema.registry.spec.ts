import { EventSchemaViolationError } from '../errors/event-schema-violation.error';
import { UnknownEventTypeError } from '../errors/unknown-event-type.error';
import { EventSchemaRegistry } from './event-schema.registry';

const goalSetV1 = {
  type: 'object',
  required: ['goalId', 'title'],
  properties: { goalId: { type: 'string', format: 'uuid' }, title: { type: 'string', minLength: 1 } },
  additionalProperties: false,
};
const goalSetV2 = { ...goalSetV1, required: ['goalId', 'title', 'dueOn'], properties: { ...goalSetV1.properties, dueOn: { type: 'string', format: 'date' } } };

describe('EventSchemaRegistry', () => {
  const registry = new EventSchemaRegistry().register('GoalSet', 1, goalSetV1).register('GoalSet', 2, goalSetV2);
  const goalId = '0b5e8f8e-3c1a-4d57-9a55-6f1b3a9e2c10';

  it('knows the newest version of each type and nothing of unknown types', () => {
    expect(registry.latestVersion('GoalSet')).toBe(2);
    expect(registry.latestVersion('GoalAchieved')).toBeUndefined();
    expect(registry.has('GoalSet', 1)).toBe(true);
    expect(registry.has('GoalSet', 3)).toBe(false);
  });

  it('accepts data matching the schema of the given version', () => {
    expect(() => registry.validate('GoalSet', 1, { goalId, title: 'Lead a team' })).not.toThrow();
    expect(() => registry.validate('GoalSet', 2, { goalId, title: 'Lead a team', dueOn: '2026-12-31' })).not.toThrow();
  });

  it('reports every violation, with formats checked', () => {
    let caught: unknown;
    try {
      registry.validate('GoalSet', 2, { goalId: 'not-a-uuid', title: '', dueOn: '31/12/2026', extra: true });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(EventSchemaViolationError);
    const violation = caught as EventSchemaViolationError;
    expect(violation.code).toBe('EVENT_SCHEMA_VIOLATION');
    expect(violation.violations.map((v) => `${v.path}:${v.keyword}`).sort()).toEqual(
      [':additionalProperties', '/dueOn:format', '/goalId:format', '/title:minLength'].sort(),
    );
  });

  it('rejects an unknown type and an unknown version of a known type', () => {
    expect(() => registry.validate('GoalAchieved', 1, {})).toThrow(UnknownEventTypeError);
    try {
      registry.validate('GoalSet', 3, {});
    } catch (error) {
      expect((error as UnknownEventTypeError).code).toBe('UNKNOWN_EVENT_TYPE');
      expect((error as UnknownEventTypeError).schemaVersion).toBe(3);
    }
    expect.assertions(3);
  });

  it('refuses to replace a published schema', () => {
    expect(() => registry.register('GoalSet', 1, { type: 'object' })).toThrow(/already registered/);
    expect(() => registry.register('GoalSet', 0, { type: 'object' })).toThrow(RangeError);
  });

  it('compiles a schema once, at registration', () => {
    const fresh = new EventSchemaRegistry();
    const compile = jest.spyOn((fresh as unknown as { ajv: { compile: (s: unknown) => unknown } }).ajv, 'compile');
    fresh.register('PaySet', 1, { type: 'object' });
    for (let i = 0; i < 10; i++) fresh.validate('PaySet', 1, { amount: i });
    expect(compile).toHaveBeenCalledTimes(1);
  });
});
