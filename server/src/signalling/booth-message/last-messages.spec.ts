import { BOOTH_MESSAGE_MAX_AGE_MS, LastMessages } from './last-messages';

describe('LastMessages', () => {
  const t0 = Date.parse('2026-12-03T15:40:00Z');
  const soon = { text: 'J’arrive dans 5 minutes.', sentAt: '2026-12-03T15:40:00.000Z' };
  const moment = { text: 'Je vous appelle dans un instant.', sentAt: '2026-12-03T15:50:00.000Z' };

  it('shows the last message of each consultation until it is too old, even before a purge', () => {
    const messages = new LastMessages();
    messages.set('c1', soon, t0);
    expect(messages.lastFor('c1', t0 + BOOTH_MESSAGE_MAX_AGE_MS - 1)).toEqual(soon);
    expect(messages.lastFor('c1', t0 + BOOTH_MESSAGE_MAX_AGE_MS)).toBeNull();
    expect(messages.lastFor('c2', t0)).toBeNull();
    messages.set('c1', moment, t0 + 10 * 60_000);
    expect(messages.lastFor('c1', t0 + BOOTH_MESSAGE_MAX_AGE_MS)).toEqual(moment);
  });

  it('purges what is past its age and keeps the rest; forgets a consultation that ended', () => {
    const messages = new LastMessages();
    messages.set('old', soon, t0);
    messages.set('recent', moment, t0 + 20 * 60_000);
    messages.set('ended', moment, t0 + 20 * 60_000);
    messages.forget('ended');
    expect(messages.purge(t0 + BOOTH_MESSAGE_MAX_AGE_MS)).toBe(1);
    expect(messages.lastFor('recent', t0 + BOOTH_MESSAGE_MAX_AGE_MS)).toEqual(moment);
    expect(messages.lastFor('ended', t0 + BOOTH_MESSAGE_MAX_AGE_MS)).toBeNull();
  });
});
