import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class FieldErrorResource {
  @ApiProperty({ example: 'startDate', description: 'Dotted path into the body, or a parameter or header name.' }) field!: string;
  @ApiProperty({ example: 'must be a calendar date formatted YYYY-MM-DD' }) message!: string;
}

/** RFC 9457 problem details, as every error of this API is answered (application/problem+json). */
export class ProblemResource {
  @ApiProperty({ example: 'urn:trajectory:problem:validation-failed' }) type!: string;
  @ApiProperty({ example: 'Bad Request' }) title!: string;
  @ApiProperty({ example: 400 }) status!: number;
  @ApiProperty({ example: 'The request has 1 invalid field.' }) detail!: string;
  @ApiProperty({ example: '/people' }) instance!: string;
  @ApiProperty({ example: 'VALIDATION_FAILED', description: 'Stable code to switch on (e.g. OVERLAPPING_FULL_TIME_JOB for a 422).' }) code!: string;
  @ApiPropertyOptional({ type: [FieldErrorResource], description: 'On 400: every bad field.' }) errors?: FieldErrorResource[];
  @ApiPropertyOptional({ example: '3f0c…', description: 'The x-request-id of the request, for support.' }) requestId?: string;
}
