import { Injectable } from '@nestjs/common';
import { Counter, Gauge, Histogram } from 'prom-client';
import { MetricsService } from '../../health/metrics.service';
import { PARTICIPANT_ROLES } from '../../../../shared/signalling/protocol';
import { CONNECT_FAILURES } from '../../../../shared/stats/indicators';

/**
 * The calls' series on GET /metrics (the Grafana dashboard in docker/ reads these names), in the
 * instance's one registry. Every label value is there from the start at 0, so a rate() works
 * before the first failure.
 */
@Injectable()
export class CallMetrics {
  readonly inProgress: Gauge;
  readonly joins: Counter<'role'>;
  readonly timeToFirstFrame: Histogram;
  readonly iceFailures: Counter<'reason'>;
  readonly iceRestarts: Counter;
  readonly audioOnlyFallbacks: Counter;

  constructor(metrics: MetricsService) {
    const registers = [metrics.registry];
    this.inProgress = new Gauge({
      name: 'visio_calls_in_progress',
      help: 'Consultation calls under way in this instance (someone let in, not yet emptied or ended)',
      registers,
    });
    this.joins = new Counter({ name: 'visio_call_joins_total', help: 'Joins to a consultation call (first ones and reconnections), by role', labelNames: ['role'], registers });
    for (const role of PARTICIPANT_ROLES) this.joins.inc({ role }, 0);
    this.timeToFirstFrame = new Histogram({
      name: 'visio_call_time_to_first_frame_seconds',
      help: 'From the booth let in to the first video keyframe the SFU forwarded in the call',
      buckets: [0.25, 0.5, 1, 2, 3, 5, 8, 13, 20, 30, 60],
      registers,
    });
    this.iceFailures = new Counter({
      name: 'visio_ice_failures_total',
      help: 'Media connection failures in calls, by reason (ice_failed, ice_timeout, dtls_failed, no_media, worker_died)',
      labelNames: ['reason'],
      registers,
    });
    for (const reason of CONNECT_FAILURES) this.iceFailures.inc({ reason }, 0);
    this.iceRestarts = new Counter({ name: 'visio_ice_restarts_total', help: 'ICE restarts the participants asked for (network change, drop)', registers });
    this.audioOnlyFallbacks = new Counter({
      name: 'visio_audio_only_fallbacks_total',
      help: 'Automatic switches to audio only reported by the participants’ browsers (bandwidth collapsed)',
      registers,
    });
  }
}
