import { databaseUrlWithName } from '../database/ensure-database';
import { CommonConfig } from './common.config';
import { EnvVar } from './env-var.decorator';
import { Matches } from 'class-validator';
import { IsBrokerList, IsUrlWithProtocol } from './env-validators';

/** A service that owns data: its own PostgreSQL database and Kafka topics. */
export abstract class BaseServiceConfig extends CommonConfig {
  @EnvVar({
    default: 'postgresql://postgres@127.0.0.1:5432',
    description: 'PostgreSQL server URL without a database name; the service appends its own database',
  })
  @IsUrlWithProtocol(['postgres:', 'postgresql:'])
  DATABASE_URL!: string;

  @EnvVar({ default: '127.0.0.1:9092', description: 'Kafka bootstrap brokers, comma-separated host:port' })
  @IsBrokerList()
  KAFKA_BROKERS!: string;

  @EnvVar({ default: '', description: 'Prefix for every Kafka topic and consumer group name (isolates test runs on a shared broker)' })
  @Matches(/^[a-z0-9._-]*$/, { message: 'may hold only a-z, 0-9, dot, dash and underscore' })
  KAFKA_TOPIC_PREFIX!: string;

  /** The name of the database this service creates and owns on the server. */
  abstract get databaseName(): string;

  get databaseUrl(): string {
    return databaseUrlWithName(this.DATABASE_URL, this.databaseName);
  }

  get kafkaBrokers(): string[] {
    return this.KAFKA_BROKERS.split(',').map((b) => b.trim());
  }
}
