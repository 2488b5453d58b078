import { CHAT_BURST, CHAT_WINDOW_MS, ChatFloodGuard } from './chat-flood-guard';

describe('ChatFloodGuard', () => {
  const call = {};
  let sut: ChatFloodGuard;
  beforeEach(() => (sut = new ChatFloodGuard()));

  it(`allows ${CHAT_BURST} messages in the window, then refuses until the oldest leaves it`, () => {
    for (let i = 0; i < CHAT_BURST; i++) expect(sut.allow(call, 'booth:1', 1000 + i)).toBe(true);
    expect(sut.allow(call, 'booth:1', 1000 + CHAT_BURST)).toBe(false);
    expect(sut.allow(call, 'booth:1', 1000 + CHAT_WINDOW_MS - 1)).toBe(false);
    // Refusals are not counted: once the first message is out of the window, one more goes.
    expect(sut.allow(call, 'booth:1', 1000 + CHAT_WINDOW_MS)).toBe(true);
    expect(sut.allow(call, 'booth:1', 1000 + CHAT_WINDOW_MS)).toBe(false);
  });

  it('counts each participant and each call apart', () => {
    for (let i = 0; i < CHAT_BURST; i++) sut.allow(call, 'booth:1', 0);
    expect(sut.allow(call, 'booth:1', 0)).toBe(false);
    expect(sut.allow(call, 'agent:1', 0)).toBe(true);
    expect(sut.allow({}, 'booth:1', 0)).toBe(true);
  });
});
