import type { CareerPersonRow, CareerReadModelPort, CareerRecord, PeoplePageRequest } from '@trajectory/career/application';
import type { Pool } from 'pg';
import { loadCareerRecords, PERSON_COLUMNS } from './career-record.loader';
import { LIVE_SCHEMA, tablesIn, type CareerTable } from './career-tables';

/**
 * Reads the career tables of one schema (the live one, or a rebuild's before it is
 * switched in). A person is visible once their registration has been projected.
 */
export class PostgresCareerReadModel implements CareerReadModelPort {
  private readonly t: Record<CareerTable, string>;

  constructor(
    private readonly pool: Pool,
    schema: string = LIVE_SCHEMA,
  ) {
    this.t = tablesIn(schema);
  }

  async findCareer(tenantId: string, personId: string): Promise<CareerRecord | undefined> {
    const people = await this.pool.query<CareerPersonRow>(
      `SELECT ${PERSON_COLUMNS} FROM ${this.t.career_people}
        WHERE tenant_id = $1 AND person_id = $2 AND registered_version IS NOT NULL`,
      [tenantId, personId],
    );
    const [record] = await loadCareerRecords(this.pool, this.t, tenantId, people.rows);
    return record;
  }

  async listPeople(tenantId: string, request: PeoplePageRequest): Promise<{ records: CareerRecord[]; total: number }> {
    const filters = ['tenant_id = $1', 'registered_version IS NOT NULL'];
    const values: unknown[] = [tenantId];
    if (request.orgUnit !== undefined) filters.push(`org_unit = $${values.push(request.orgUnit)}`);
    if (request.managerId !== undefined) filters.push(`manager_id = $${values.push(request.managerId)}`);
    const where = filters.join(' AND ');
    const [page, count] = await Promise.all([
      this.pool.query<CareerPersonRow>(
        `SELECT ${PERSON_COLUMNS} FROM ${this.t.career_people} WHERE ${where}
          ORDER BY person_id LIMIT $${values.length + 1} OFFSET $${values.length + 2}`,
        [...values, request.pageSize, (request.page - 1) * request.pageSize],
      ),
      this.pool.query<{ total: string }>(`SELECT count(*) AS total FROM ${this.t.career_people} WHERE ${where}`, values),
    ]);
    const records = await loadCareerRecords(this.pool, this.t, tenantId, page.rows);
    return { records, total: Number(count.rows[0]?.total ?? 0) };
  }
}
