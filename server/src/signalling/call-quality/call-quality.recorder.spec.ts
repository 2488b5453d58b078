import { Logger } from '@nestjs/common';
import { Registry } from 'prom-client';
import type { DataSource } from 'typeorm';
import type { MetricsService } from '../../health/metrics.service';
import { CallMetrics } from './call-metrics';
import type { QualitySource, RoleQuality } from './call-quality-event';
import { CallQualityRecorder, NO_MEDIA_AFTER_MS } from './call-quality.recorder';

/** A call as the recorder reads it: its id and what the SFU measures for each role. */
const source = (consultationId: string, quality: RoleQuality[] = []): QualitySource => ({ consultationId, receiveQuality: async () => quality });

describe('CallQualityRecorder', () => {
  let query: jest.Mock;
  let registry: Registry;
  let sut: CallQualityRecorder;
  const metric = async (name: string) => (await registry.getSingleMetric(name)!.get()).values;

  beforeEach(() => {
    query = jest.fn(async () => []);
    registry = new Registry();
    sut = new CallQualityRecorder({ query } as unknown as DataSource, new CallMetrics({ registry } as MetricsService));
  });
  afterEach(() => jest.useRealTimers());

  it('writes what happened since the last write as one upsert per call, counts added and first times kept', async () => {
    const call = source('c1');
    sut.record(call, { type: 'joined', participantId: 'a', role: 'agent', phase: 'call' });
    sut.record(call, { type: 'joined', participantId: 'a', role: 'agent', phase: 'call' });
    sut.record(call, { type: 'iceRestart', role: 'agent' });
    await sut.flush();
    expect(query).toHaveBeenCalledTimes(1);
    const [sql, params] = query.mock.calls[0]!;
    expect(sql).toContain('joins = q.joins + EXCLUDED.joins');
    // id, booth in lobby, agent joined, media, first frame, joins, reconnections, ICE restarts, audio only, failure
    expect(params).toEqual(['c1', null, expect.any(Date), null, null, 2, 1, 1, false, null]);
    await sut.flush();
    expect(query).toHaveBeenCalledTimes(1); // nothing new
    expect(await metric('visio_call_joins_total')).toContainEqual(expect.objectContaining({ labels: { role: 'agent' }, value: 2 }));
    expect(await metric('visio_ice_restarts_total')).toEqual([expect.objectContaining({ value: 1 })]);
  });

  it('a failing database never reaches the call: the error is logged and the next writes go on', async () => {
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    query.mockRejectedValueOnce(new Error('database down'));
    const call = source('c1');
    expect(() => sut.record(call, { type: 'joined', participantId: 'b', role: 'booth', phase: 'lobby' })).not.toThrow();
    await expect(sut.flush()).resolves.toBeUndefined();
    sut.record(call, { type: 'audioOnlyFallback', role: 'booth' });
    await sut.flush();
    expect(query).toHaveBeenCalledTimes(2);
    expect(query.mock.calls[1]![1][8]).toBe(true);
    expect(warn).toHaveBeenCalledWith(expect.objectContaining({ err: expect.any(Error) }), 'writing call quality failed');
    warn.mockRestore();
  });

  it('records no_media when transports are up in an admitted call and nothing flowed in time', async () => {
    jest.useFakeTimers();
    const quiet = source('quiet');
    const flowing = source('flowing');
    for (const call of [quiet, flowing]) {
      sut.record(call, { type: 'admitted', participantId: 'b' });
      sut.record(call, { type: 'transportConnected' });
    }
    sut.record(flowing, { type: 'mediaFlowing', kind: 'audio' });
    jest.advanceTimersByTime(NO_MEDIA_AFTER_MS);
    jest.useRealTimers();
    await sut.flush();
    const failures = Object.fromEntries(query.mock.calls.map(([, params]) => [params[0], params[9]]));
    expect(failures).toEqual({ quiet: 'no_media', flowing: null });
    expect(await metric('visio_ice_failures_total')).toContainEqual(expect.objectContaining({ labels: { reason: 'no_media' }, value: 1 }));
  });

  it('writes the medians of a call when it closes, and counts the calls in progress', async () => {
    const call = source('c1');
    sut.record(call, { type: 'admitted', participantId: 'b' });
    expect(await metric('visio_calls_in_progress')).toEqual([expect.objectContaining({ value: 1 })]);
    sut.record(call, { type: 'closed', ended: true });
    await sut.flush();
    expect(query.mock.calls.some(([sql, params]) => sql.includes('percentile_cont') && params[0][0] === 'c1')).toBe(true);
    expect(await metric('visio_calls_in_progress')).toEqual([expect.objectContaining({ value: 0 })]);
  });
});
