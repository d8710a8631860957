import {
  foldPersonAttributes,
  withoutPii,
  type CareerPersonChangeRow,
  type PersonAttributes,
} from '@trajectory/career/application';
import type { PoolClient } from 'pg';
import { careerStatement, type CareerTable } from './career-tables';

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

/**
 * Records a registration or update and recomputes the person's current attributes from
 * every change seen so far, folded in stream order: an update that arrives before the
 * registration, or twice, still ends in the same row. The person row is locked first, so
 * two changes of one person never fold concurrently.
 */
export async function writePersonChange(tx: PoolClient, t: Record<CareerTable, string>, change: PersonChange): Promise<void> {
  const key = [change.tenantId, change.personId];
  const locked = await tx.query<{ erased: boolean }>(
    careerStatement(
      t,
      'person_change_lock',
      `INSERT INTO ${t.career_people} AS p (tenant_id, person_id) VALUES ($1, $2)
     ON CONFLICT (tenant_id, person_id) DO UPDATE SET updated_at = now()
     RETURNING p.erased_at IS NOT NULL AS erased`,
      key,
    ),
  );
  const erased = locked.rows[0]?.erased === true;
  // A copy redelivered after the erasure may still carry names: they are never stored again.
  const changes = erased ? withoutPii(change.changes) : change.changes;
  // Recorded and read back in one statement. Its snapshot is taken after the lock above,
  // so it sees every change committed before; the row it inserts is not in that snapshot
  // and joins the result through RETURNING (a redelivered change is found by the read).
  const stored = await tx.query<CareerPersonChangeRow>(
    careerStatement(
      t,
      'person_change_record',
      `WITH inserted AS (
       INSERT INTO ${t.career_person_changes} (tenant_id, person_id, stream_version, kind, changes, recorded_at)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (tenant_id, person_id, stream_version) DO NOTHING
       RETURNING stream_version, kind, changes
     )
     SELECT stream_version AS "streamVersion", kind, changes, '' AS "recordedOn"
       FROM ${t.career_person_changes} WHERE tenant_id = $1 AND person_id = $2
     UNION ALL
     SELECT stream_version, kind, changes, '' FROM inserted`,
      [...key, change.streamVersion, change.kind, JSON.stringify(changes), change.recordedAt],
    ),
  );
  const current = foldPersonAttributes(stored.rows, { erased });
  const registration = change.kind === 'registered' ? [change.streamVersion, change.hireDate ?? null] : [null, null];
  await tx.query(
    careerStatement(
      t,
      'person_change_fold',
      `UPDATE ${t.career_people}
        SET given_name = $3, family_name = $4, email = $5, employee_number = $6, org_unit = $7, manager_id = $8,
            registered_version = LEAST(registered_version, $9::integer),
            hire_date = COALESCE($10::date, hire_date), projected_version = GREATEST(projected_version, $11::integer), updated_at = now()
      WHERE tenant_id = $1 AND person_id = $2`,
      [
        ...key,
        current.givenName ?? null,
        current.familyName ?? null,
        current.email ?? null,
        current.employeeNumber ?? null,
        current.orgUnit ?? null,
        current.managerId ?? null,
        ...registration,
        change.streamVersion,
      ],
    ),
  );
}
