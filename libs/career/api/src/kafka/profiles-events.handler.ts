import { Controller, Inject } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { CAREER_PROJECTION, type CareerProjectionPort } from '@trajectory/career/application';
import type {
  AspirationSetV1,
  EducationAddedV1,
  JobEndedV1,
  JobStartedV2,
  PersonErasedV1,
  PersonOffboardedV1,
  PersonRegisteredV2,
  PersonUpdatedV1,
  PromotedV1,
} from '@trajectory/contracts/profiles';
import { KafkaEventContext, type ConsumedEvent } from '@trajectory/shared/messaging';
import { projectedEventOf } from './projected-event';

/**
 * Projects profiles events into the career read model, inside the consumer's transaction.
 * Patterns name the event without its version: every version of a type lands here and is
 * upcast first, so a new schema version must have its upcaster before it is published.
 */
@Controller()
export class ProfilesEventsHandler {
  constructor(@Inject(CAREER_PROJECTION) private readonly projection: CareerProjectionPort) {}

  @EventPattern('trajectory.profiles.PersonRegistered')
  onPersonRegistered(@Payload() event: ConsumedEvent, @Ctx() context: KafkaEventContext): Promise<void> {
    return this.projection.personRegistered(context.getTx(), projectedEventOf<PersonRegisteredV2>(event));
  }

  @EventPattern('trajectory.profiles.PersonUpdated')
  onPersonUpdated(@Payload() event: ConsumedEvent, @Ctx() context: KafkaEventContext): Promise<void> {
    return this.projection.personUpdated(context.getTx(), projectedEventOf<PersonUpdatedV1>(event));
  }

  @EventPattern('trajectory.profiles.PersonOffboarded')
  onPersonOffboarded(@Payload() event: ConsumedEvent, @Ctx() context: KafkaEventContext): Promise<void> {
    return this.projection.personOffboarded(context.getTx(), projectedEventOf<PersonOffboardedV1>(event));
  }

  @EventPattern('trajectory.profiles.PersonErased')
  onPersonErased(@Payload() event: ConsumedEvent, @Ctx() context: KafkaEventContext): Promise<void> {
    return this.projection.personErased(context.getTx(), projectedEventOf<PersonErasedV1>(event));
  }

  @EventPattern('trajectory.profiles.JobStarted')
  onJobStarted(@Payload() event: ConsumedEvent, @Ctx() context: KafkaEventContext): Promise<void> {
    return this.projection.jobStarted(context.getTx(), projectedEventOf<JobStartedV2>(event));
  }

  @EventPattern('trajectory.profiles.JobEnded')
  onJobEnded(@Payload() event: ConsumedEvent, @Ctx() context: KafkaEventContext): Promise<void> {
    return this.projection.jobEnded(context.getTx(), projectedEventOf<JobEndedV1>(event));
  }

  @EventPattern('trajectory.profiles.Promoted')
  onPromoted(@Payload() event: ConsumedEvent, @Ctx() context: KafkaEventContext): Promise<void> {
    return this.projection.promoted(context.getTx(), projectedEventOf<PromotedV1>(event));
  }

  @EventPattern('trajectory.profiles.EducationAdded')
  onEducationAdded(@Payload() event: ConsumedEvent, @Ctx() context: KafkaEventContext): Promise<void> {
    return this.projection.educationAdded(context.getTx(), projectedEventOf<EducationAddedV1>(event));
  }

  @EventPattern('trajectory.profiles.AspirationSet')
  onAspirationSet(@Payload() event: ConsumedEvent, @Ctx() context: KafkaEventContext): Promise<void> {
    return this.projection.aspirationSet(context.getTx(), projectedEventOf<AspirationSetV1>(event));
  }
}
