import { careerSessionStatement, careerStatement, tablesIn } from './career-tables';

describe('careerStatement names', () => {
  const nameOf = (schema: string, purpose: string) => careerStatement(tablesIn(schema), purpose, 'SELECT 1', []).name ?? '';

  it("name the purpose and the schema, so a rebuild's statements never take the live ones' names", () => {
    expect(nameOf('public', 'find')).toBe('career_find:"public"');
    expect(nameOf('career_rebuild_1795638385344', 'person_change_record')).toBe('career_person_change_record:"career_rebuild_1795638385344"');
    expect(nameOf('public', 'find')).not.toBe(nameOf('career_rebuild_1795638385344', 'find'));
  });

  it('stay within the 63 characters PostgreSQL keeps, and distinct, for long schema names', () => {
    const long = `s_${'x'.repeat(60)}`;
    const other = `s_${'x'.repeat(59)}y`;
    for (const schema of [long, other]) expect(nameOf(schema, 'person_change_record').length).toBeLessThanOrEqual(63);
    expect(nameOf(long, 'person_change_record')).not.toBe(nameOf(other, 'person_change_record'));
    expect(nameOf(long, 'find')).not.toBe(nameOf(long, 'applied'));
  });

  it('keep session statements (SQL PREPARE) apart from protocol ones: the two share a namespace', () => {
    const t = tablesIn('public');
    expect(careerSessionStatement(t, 'find', 'SELECT 1').name).toBe('career_session_find:"public"');
    expect(careerSessionStatement(t, 'find', 'SELECT 1').name).not.toBe(careerStatement(t, 'find', 'SELECT 1', []).name);
    expect(() => careerStatement(t, 'session_find', 'SELECT 1', [])).toThrow(/reserved/);
  });
});
