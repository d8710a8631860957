import { Inject, Injectable, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { Pool, type PoolConfig } from 'pg';

@Injectable()
class PoolCloser implements OnApplicationShutdown {
  constructor(@Inject(Pool) private readonly pool: Pool) {}

  async onApplicationShutdown(): Promise<void> {
    // Runs after consumers and relays stopped (they shut down on earlier hooks).
    await this.pool.end();
  }
}

/** The service's one connection pool to its own database, injectable as `Pool`. */
@Module({})
export class PgPoolModule {
  static forRoot(config: PoolConfig): DynamicModule {
    return {
      module: PgPoolModule,
      global: true,
      providers: [{ provide: Pool, useFactory: () => new Pool({ max: 20, ...config }) }, PoolCloser],
      exports: [Pool],
    };
  }
}
