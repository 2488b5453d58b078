import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Observable } from 'rxjs';
import { MetricsService } from './metrics.service';

/** Counts requests by route pattern (not raw path: ids would explode label cardinality). */
@Injectable()
export class HttpMetricsInterceptor implements NestInterceptor {
  constructor(private readonly metrics: MetricsService) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const req = context.switchToHttp().getRequest<Request>();
    const res = context.switchToHttp().getResponse<Response>();
    const route = (req.route as { path?: string } | undefined)?.path ?? 'unmatched';
    const end = this.metrics.httpDuration.startTimer({ method: req.method, route });
    res.once('finish', () => {
      end();
      this.metrics.httpRequests.inc({ method: req.method, route, status: String(res.statusCode) });
    });
    return next.handle();
  }
}
