import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { MetricsService } from './metrics.service';

/**
 * Counts requests and their duration by route pattern (not raw path: ids would explode label
 * cardinality), for the routes the API matched. A plain Express middleware rather than a Nest
 * interceptor: interceptors put an RxJS pipeline and async-context bindings on every request, about
 * a tenth of the CPU of a small authenticated GET.
 */
export function httpMetrics(metrics: MetricsService): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    const started = process.hrtime.bigint();
    res.once('finish', () => {
      // Set by the router once a route matched; static files and unknown paths have none.
      const route = (req.route as { path?: string } | undefined)?.path;
      if (route === undefined) return;
      metrics.httpDuration.observe({ method: req.method, route }, Number(process.hrtime.bigint() - started) / 1e9);
      metrics.httpRequests.inc({ method: req.method, route, status: String(res.statusCode) });
    });
    next();
  };
}
