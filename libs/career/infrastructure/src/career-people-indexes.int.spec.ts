import { runMigrations } from '@trajectory/shared/platform';
import { createTestDatabase, type TestDatabase } from '@trajectory/shared/testing';
import { Client } from 'pg';
import { careerMigrations } from './index';

interface PlanNode {
  'Node Type': string;
  'Index Name'?: string;
  Plans?: PlanNode[];
}

function indexesIn(node: PlanNode): string[] {
  return [...(node['Index Name'] === undefined ? [] : [node['Index Name']]), ...(node.Plans ?? []).flatMap(indexesIn)];
}

describe('career_people indexes (PostgreSQL)', () => {
  let database: TestDatabase;
  let client: Client;

  beforeAll(async () => {
    database = await createTestDatabase('career_indexes');
    await runMigrations(database.url, careerMigrations);
    client = new Client({ connectionString: database.url });
    await client.connect();
  });

  afterAll(async () => {
    await client?.end();
    await database?.drop();
  });

  it('looks one person up through the primary key even with a plan made while the table was empty', async () => {
    // As a service's pooled connection does: the plan is cached when the table is new and
    // has no statistics, then kept while the table grows (no ANALYZE has run yet).
    await client.query('SET plan_cache_mode = force_generic_plan');
    await client.query('PREPARE find_person(text, uuid) AS SELECT person_id FROM career_people WHERE tenant_id = $1 AND person_id = $2');
    await client.query("EXECUTE find_person('acme', gen_random_uuid())");
    await client.query(
      `INSERT INTO career_people (tenant_id, person_id, org_unit, manager_id)
       SELECT 'acme', gen_random_uuid(), CASE WHEN n % 2 = 0 THEN 'R&D' END, NULL FROM generate_series(1, 5000) AS n`,
    );
    const { rows } = await client.query<{ 'QUERY PLAN': PlanNode[] }>("EXPLAIN (FORMAT JSON) EXECUTE find_person('acme', gen_random_uuid())");
    const plan = rows[0]?.['QUERY PLAN'][0] as unknown as { Plan: PlanNode };
    expect(indexesIn(plan.Plan)).toEqual(['career_people_pkey']);
  });
});
