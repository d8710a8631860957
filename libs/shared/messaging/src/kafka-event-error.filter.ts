import { Catch, type RpcExceptionFilter } from '@nestjs/common';
import { throwError, type Observable } from 'rxjs';

/**
 * Nest's default RPC filter replaces any non-RpcException with "Internal server error",
 * which would leave `dlq_error_code` empty of meaning. This filter passes the original
 * error through, so the transport can retry it and put its `code` in the DLQ headers.
 * Register it with `app.useGlobalFilters(new KafkaEventErrorFilter())`.
 */
@Catch()
export class KafkaEventErrorFilter implements RpcExceptionFilter<unknown> {
  catch(exception: unknown): Observable<never> {
    return throwError(() => exception);
  }
}
