import 'reflect-metadata';
import { bootstrapHttpService, GatewayConfig, loadConfig } from '@trajectory/shared/platform';
import { GatewayAppModule } from './app.module';
import { mountApiDocs } from './api-docs';

async function main(): Promise<void> {
  const config = loadConfig(GatewayConfig);
  await bootstrapHttpService(GatewayAppModule, { serviceName: 'gateway', port: config.port, beforeListen: async (app) => mountApiDocs(app) });
}

main().catch((error: unknown) => {
  process.stderr.write(`gateway failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
