import { Controller, Get, Header, Headers, Inject, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Public } from '../auth/decorators/allow.decorator';
import { safeEqual } from '../auth/tokens';
import { DomainError } from '../common/errors/domain.error';
import { appConfig, AppConfig } from '../config/configuration';
import { HealthService } from './health.service';
import { MetricsService } from './metrics.service';

@Controller()
export class HealthController {
  constructor(
    private readonly health: HealthService,
    private readonly metrics: MetricsService,
    @Inject(appConfig.KEY) private readonly config: AppConfig,
  ) {}

  @Get('api/health')
  @Public()
  @Header('Cache-Control', 'no-store')
  async check(@Res({ passthrough: true }) res: Response) {
    const report = await this.health.check();
    // Load balancers read the status code: anything but ok takes the instance out of rotation.
    res.status(report.status === 'ok' ? 200 : 503);
    return report;
  }

  // Public unless METRICS_TOKEN is set; then it needs "Authorization: Bearer <token>".
  @Get('metrics')
  @Public()
  async prometheus(@Headers('authorization') authorization: string | undefined, @Res() res: Response) {
    const token = this.config.metricsToken;
    if (token && !(authorization?.startsWith('Bearer ') && safeEqual(authorization.slice(7), token))) {
      throw new DomainError('UNAUTHENTICATED', 'Metrics need the bearer token.');
    }
    res.setHeader('Content-Type', this.metrics.registry.contentType);
    res.send(await this.metrics.registry.metrics());
  }
}
