import { createHmac } from 'node:crypto';
import { turnServers } from './turn-credentials';

describe('turnServers', () => {
  const turn = { urls: ['turn:turn.example.fr:3478', 'turns:turn.example.fr:443?transport=tcp'], secret: 's3cret-0123456789', ttlSeconds: 600 };

  it('is empty without TURN', () => {
    expect(turnServers(null, 'agent:1')).toEqual([]);
  });

  it('gives a coturn REST credential that expires after the TTL', () => {
    const [server] = turnServers(turn, 'booth:42', 1_000_000_000);
    expect(server!.urls).toEqual(turn.urls);
    expect(server!.username).toBe(`${1_000_000 + 600}:booth:42`);
    expect(server!.credential).toBe(createHmac('sha1', turn.secret).update(server!.username!).digest('base64'));
  });

  it('differs per participant', () => {
    expect(turnServers(turn, 'a', 0)[0]!.credential).not.toBe(turnServers(turn, 'b', 0)[0]!.credential);
  });
});
