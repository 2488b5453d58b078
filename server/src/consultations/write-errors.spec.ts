import { QueryFailedError } from 'typeorm';
import { DomainError } from '../common/errors/domain.error';
import { translateWriteError, withRetries } from './write-errors';

const pgFailure = (code: string, constraint?: string) => new QueryFailedError('INSERT …', [], Object.assign(new Error('pg'), { code, constraint }));

describe('translateWriteError', () => {
  it('names the booth or the agent from the violated exclusion constraint', () => {
    const booth = translateWriteError(pgFailure('23P01', 'consultations_booth_no_overlap')) as DomainError;
    expect(booth).toMatchObject({ code: 'BOOTH_TAKEN', fields: { boothId: ['BOOTH_TAKEN'] } });
    const agent = translateWriteError(pgFailure('23P01', 'consultations_agent_no_overlap')) as DomainError;
    expect(agent).toMatchObject({ code: 'AGENT_TAKEN', fields: { agentId: ['AGENT_TAKEN'] } });
  });

  it('names the booth when the database refuses a retired one (trigger booth_in_service)', () => {
    expect(translateWriteError(pgFailure('23514', 'booth_in_service'))).toMatchObject({ code: 'VALIDATION_FAILED', fields: { boothId: ['RETIRED'] } });
    const otherCheck = pgFailure('23514', 'some_other_check');
    expect(translateWriteError(otherCheck)).toBe(otherCheck);
  });

  it('turns a lasting deadlock into a conflict and a vanished reference into a 422; other errors pass through', () => {
    expect(translateWriteError(pgFailure('40P01'))).toMatchObject({ code: 'INTERVAL_TAKEN', fields: { startsAt: ['INTERVAL_TAKEN'] } });
    expect(translateWriteError(pgFailure('23503'))).toMatchObject({ code: 'VALIDATION_FAILED' });
    const other = pgFailure('42P01');
    expect(translateWriteError(other)).toBe(other);
  });
});

describe('withRetries', () => {
  it('retries deadlocks only, and at most the number of attempts', async () => {
    let calls = 0;
    await expect(withRetries(async () => (++calls < 3 ? Promise.reject(pgFailure('40P01')) : 'ok'))).resolves.toBe('ok');
    expect(calls).toBe(3);
    calls = 0;
    await expect(withRetries(async () => (++calls, Promise.reject(pgFailure('40P01'))), 4)).rejects.toBeInstanceOf(QueryFailedError);
    expect(calls).toBe(4);
    calls = 0;
    await expect(withRetries(async () => (++calls, Promise.reject(pgFailure('23P01'))))).rejects.toBeInstanceOf(QueryFailedError);
    expect(calls).toBe(1);
  });
});
