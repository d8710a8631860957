import type { CareerReadModelPort, CareerRecord, PeoplePageRequest } from '@trajectory/career/application';
import type { Pool } from 'pg';
import { careerDetailColumns, PERSON_COLUMNS, toCareerRecord, type CareerRecordRow } from './career-record.loader';
import { careerStatement, LIVE_SCHEMA, tablesIn, type CareerTable } from './career-tables';

/**
 * Reads the career tables of one schema (the live one, or a rebuild's before it is
 * switched in). A person is visible once their registration has been projected. Each read
 * is one statement: a person's row with their jobs, promotions, education, aspirations and
 * changes aggregated beside it.
 */
export class PostgresCareerReadModel implements CareerReadModelPort {
  private readonly t: Record<CareerTable, string>;
  private readonly findSql: string;

  constructor(
    private readonly pool: Pool,
    schema: string = LIVE_SCHEMA,
  ) {
    this.t = tablesIn(schema);
    this.findSql = `SELECT ${PERSON_COLUMNS},
      ${careerDetailColumns(this.t)}
      FROM ${this.t.career_people} p
      WHERE p.tenant_id = $1 AND p.person_id = $2 AND p.registered_version IS NOT NULL`;
  }

  async findCareer(tenantId: string, personId: string): Promise<CareerRecord | undefined> {
    const { rows } = await this.pool.query<CareerRecordRow>(careerStatement(this.t, 'find', this.findSql, [tenantId, personId]));
    const [row] = rows;
    return row === undefined ? undefined : toCareerRecord(row);
  }

  async listPeople(tenantId: string, request: PeoplePageRequest): Promise<{ records: CareerRecord[]; total: number }> {
    const filters = ['tenant_id = $1', 'registered_version IS NOT NULL'];
    const values: unknown[] = [tenantId];
    if (request.orgUnit !== undefined) filters.push(`org_unit = $${values.push(request.orgUnit)}`);
    if (request.managerId !== undefined) filters.push(`manager_id = $${values.push(request.managerId)}`);
    const where = filters.join(' AND ');
    // The page is cut first (with the filter's total beside each row), and only its people
    // get their details aggregated.
    const { rows } = await this.pool.query<CareerRecordRow & { total: string }>(
      `SELECT ${PERSON_COLUMNS}, p.total,
        ${careerDetailColumns(this.t)}
        FROM (SELECT *, count(*) OVER () AS total FROM ${this.t.career_people} WHERE ${where}
              ORDER BY person_id LIMIT $${values.length + 1} OFFSET $${values.length + 2}) p
        ORDER BY p.person_id`,
      [...values, request.pageSize, (request.page - 1) * request.pageSize],
    );
    const first = rows[0];
    if (first === undefined) {
      // A page past the end has no row to carry the total.
      const count = await this.pool.query<{ total: string }>(`SELECT count(*) AS total FROM ${this.t.career_people} WHERE ${where}`, values);
      return { records: [], total: Number(count.rows[0]?.total ?? 0) };
    }
    return { records: rows.map(({ total: _total, ...row }) => toCareerRecord(row)), total: Number(first.total) };
  }
}
