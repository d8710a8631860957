// Fills the `demo` tenant, once, through the gateway's public routes with an hr-admin token
// (JWT_SECRET, or the local default): a few hundred people with years of history.
//   npm run seed:demo [-- --gateway http://127.0.0.1:3000 --people 300 --concurrency 16]
// The last line on stdout is `demo-person <id>`: a person whose career is worth a look.
import { LOCAL_JWT_SECRET } from '@trajectory/shared/platform';
import { parseArgs } from 'node:util';
import { seedDemo } from './seed-demo/seed-demo.run';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      gateway: { type: 'string', default: `http://127.0.0.1:${process.env['GATEWAY_PORT'] ?? '3000'}` },
      tenant: { type: 'string', default: 'demo' },
      people: { type: 'string', default: '300' },
      concurrency: { type: 'string', default: '16' },
    },
  });
  const started = Date.now();
  const result = await seedDemo({
    gatewayUrl: values.gateway,
    jwtSecret: process.env['JWT_SECRET'] || LOCAL_JWT_SECRET,
    tenant: values.tenant,
    people: Number(values.people),
    concurrency: Number(values.concurrency),
  });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  process.stderr.write(
    result.seeded
      ? `demo tenant "${values.tenant}": ${values.people} people, ${result.requests} requests in ${seconds} s\n`
      : `demo tenant "${values.tenant}" already has people: nothing sent\n`,
  );
  process.stdout.write(`demo-person ${result.featuredPersonId}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`seed:demo failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
