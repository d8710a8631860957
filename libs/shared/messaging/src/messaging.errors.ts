/**
 * Errors of the messaging layer. `code` is stable: it travels in `dlq_error_code`
 * headers and dashboards filter on it, so a code is never renamed once released.
 */
export abstract class MessagingError extends Error {
  abstract readonly code: string;

  constructor(message: string, readonly details: Record<string, unknown> = {}) {
    super(message);
    this.name = new.target.name;
  }
}

/** A Kafka message that is not a CloudEvent in binary mode we can read. Never retried. */
export class InvalidCloudEventError extends MessagingError {
  readonly code = 'MESSAGING_INVALID_CLOUD_EVENT';
}

/** A relay or consumer used out of order (started twice, unwrapped before listening). */
export class MessagingStateError extends MessagingError {
  readonly code = 'MESSAGING_INVALID_STATE';
}

/**
 * A Nest handler failed and Nest's default exception filter replaced the error with a
 * plain `{ status, message }` object; this keeps the DLQ headers meaningful anyway.
 */
export class EventHandlerFailedError extends MessagingError {
  readonly code = 'MESSAGING_HANDLER_FAILED';
}

/** Stable code and readable message of anything thrown, for logs and DLQ headers. */
export function describeError(error: unknown): { code: string; message: string } {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return { code: typeof code === 'string' && code !== '' ? code : error.name, message: error.message };
  }
  if (typeof error === 'object' && error !== null) {
    const { code, message } = error as { code?: unknown; message?: unknown };
    return {
      code: typeof code === 'string' ? code : 'UNKNOWN',
      message: typeof message === 'string' ? message : safeJson(error),
    };
  }
  return { code: 'UNKNOWN', message: String(error) };
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value);
  } catch {
    return String(value);
  }
}
