import { QueryFailedError } from 'typeorm';
import { errorForLog } from './error-log';

describe('errorForLog', () => {
  it('writes a failed query without its parameters nor the driver details that quote values', () => {
    const driverError = Object.assign(new Error('duplicate key value violates unique constraint "chat_messages_pkey"'), {
      code: '23505',
      constraint: 'chat_messages_pkey',
      detail: 'Key (body)=(Bonjour, je suis Jeanne Martin) already exists.',
    });
    const error = new QueryFailedError('INSERT INTO chat_messages (body, sender_name) VALUES ($1, $2)', ['Bonjour, je suis Jeanne Martin', 'Jeanne Martin'], driverError);
    const logged = errorForLog(error);
    expect(logged).toMatchObject({ type: 'QueryFailedError', code: '23505', constraint: 'chat_messages_pkey', query: 'INSERT INTO chat_messages (body, sender_name) VALUES ($1, $2)' });
    expect(JSON.stringify(logged)).not.toContain('Jeanne');
  });

  it('writes a failed query wrapped as another error’s cause the same way', () => {
    const query = new QueryFailedError('UPDATE consultations SET citizen_name = $1', ['Jeanne Martin'], new Error('deadlock detected'));
    const logged = errorForLog(new Error('booking failed', { cause: query }));
    expect(logged).toMatchObject({ type: 'Error', cause: { type: 'QueryFailedError', query: 'UPDATE consultations SET citizen_name = $1' } });
    expect(JSON.stringify(logged)).not.toContain('Jeanne');
  });

  it('writes other errors as pino does', () => {
    expect(errorForLog(new TypeError('boom'))).toMatchObject({ type: 'TypeError', message: 'boom' });
    expect(errorForLog('not an error')).toBe('not an error');
  });
});
