import { PERSON_ATTRIBUTE_FIELDS, PERSON_PII_FIELDS, type CareerPersonChangeRow, type PersonAttributes } from '@trajectory/career/application';
import { runTogether, sqlArray, type SessionStatement } from '@trajectory/shared/platform';
import type { PoolClient } from 'pg';
import { careerSessionStatement, type CareerTable } from './career-tables';

export interface PersonChange {
  tenantId: string;
  personId: string;
  streamVersion: number;
  kind: CareerPersonChangeRow['kind'];
  changes: PersonAttributes;
  recordedAt: string;
  /** Set by the registration only. */
  hireDate?: string;
}

/** The person row's column (and its type) for each attribute a change may carry. */
const COLUMN_OF: Record<(typeof PERSON_ATTRIBUTE_FIELDS)[number], { name: string; type: 'text' | 'uuid' }> = {
  givenName: { name: 'given_name', type: 'text' },
  familyName: { name: 'family_name', type: 'text' },
  email: { name: 'email', type: 'text' },
  employeeNumber: { name: 'employee_number', type: 'text' },
  orgUnit: { name: 'org_unit', type: 'text' },
  managerId: { name: 'manager_id', type: 'uuid' },
};

/**
 * Records a registration or update and recomputes the person's current attributes from
 * every change seen so far, folded in stream order: an update that arrives before the
 * registration, or twice, still ends in the same row. Two statements in one round trip
 * (`runTogether`):
 *  1. locks the person row (creating it if need be) and records the change, without names
 *     and email when the person is already erased (a copy redelivered after the erasure
 *     must never store them again);
 *  2. folds: each attribute takes its value from the newest change that carries it, as
 *     `foldPersonAttributes` does for past dates. It is a statement of its own so that its
 *     snapshot is taken after the lock: it sees every change committed before, even one
 *     that a concurrent writer of the same person committed while statement 1 waited.
 */
export async function writePersonChange(tx: PoolClient, t: Record<CareerTable, string>, change: PersonChange): Promise<void> {
  const { record, fold } = statementsFor(t);
  const key = [change.tenantId, change.personId];
  const registration = change.kind === 'registered' ? [change.streamVersion, change.hireDate ?? null] : [null, null];
  await runTogether(tx, [
    { statement: record, args: [...key, change.streamVersion, change.kind, JSON.stringify(change.changes), change.recordedAt, sqlArray(PERSON_PII_FIELDS)] },
    { statement: fold, args: [...key, ...registration, change.streamVersion] },
  ]);
}

const statementsBySchema = new Map<string, { record: SessionStatement; fold: SessionStatement }>();

function statementsFor(t: Record<CareerTable, string>): { record: SessionStatement; fold: SessionStatement } {
  const known = statementsBySchema.get(t.career_people);
  if (known !== undefined) return known;
  const statements = {
    record: careerSessionStatement(
      t,
      'person_change_record_v2',
      `WITH locked AS (
       INSERT INTO ${t.career_people} AS p (tenant_id, person_id) VALUES ($1, $2)
       ON CONFLICT (tenant_id, person_id) DO UPDATE SET updated_at = now()
       RETURNING p.erased_at IS NOT NULL AS erased
     )
     INSERT INTO ${t.career_person_changes} (tenant_id, person_id, stream_version, kind, changes, recorded_at)
     SELECT $1, $2, $3::integer, $4, CASE WHEN locked.erased THEN $5::jsonb - $7::text[] ELSE $5::jsonb END, $6::timestamptz FROM locked
     ON CONFLICT (tenant_id, person_id, stream_version) DO NOTHING`,
    ),
    fold: careerSessionStatement(t, 'person_change_fold_v2', foldSql(t)),
  };
  statementsBySchema.set(t.career_people, statements);
  return statements;
}

function foldSql(t: Record<CareerTable, string>): string {
  const pii = new Set<string>(PERSON_PII_FIELDS);
  const assignments = PERSON_ATTRIBUTE_FIELDS.map((field) => {
    const column = COLUMN_OF[field];
    const value = `(folded.attributes->>'${field}')::${column.type}`;
    // An erased person keeps no names or email, whatever the changes held before the erasure.
    return `${column.name} = ${pii.has(field) ? `CASE WHEN p.erased_at IS NULL THEN ${value} END` : value}`;
  });
  return `UPDATE ${t.career_people} AS p
      SET ${assignments.join(', ')},
          registered_version = LEAST(p.registered_version, $3::integer),
          hire_date = COALESCE($4::date, p.hire_date), projected_version = GREATEST(p.projected_version, $5::integer), updated_at = now()
     FROM (
       SELECT coalesce(jsonb_object_agg(latest.key, latest.value), '{}'::jsonb) AS attributes
         FROM (
           SELECT DISTINCT ON (field.key) field.key, field.value
             FROM ${t.career_person_changes} AS c, jsonb_each(c.changes) AS field
            WHERE c.tenant_id = $1 AND c.person_id = $2
            ORDER BY field.key, c.stream_version DESC
         ) AS latest
     ) AS folded
    WHERE p.tenant_id = $1 AND p.person_id = $2`;
}
