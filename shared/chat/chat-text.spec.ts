import { CHAT_MAX_LENGTH } from '../signalling/protocol';
import { normaliseChatText } from './chat-text';

describe('normaliseChatText', () => {
  it.each([
    ['  Bonjour  ', 'Bonjour'],
    ['ligne 1\r\nligne 2\rligne 3', 'ligne 1\nligne 2\nligne 3'],
    ['<b>gras</b> & <script>x</script>', '<b>gras</b> & <script>x</script>'],
    ['Je suis sourd(e) 👂', 'Je suis sourd(e) 👂'],
  ])('keeps %j as %j (plain text, line ends normalised)', (raw, text) => {
    expect(normaliseChatText(raw)).toEqual({ text });
  });

  it.each([
    ['', 'empty'],
    [' \n\t\r\n ', 'empty'],
    ['a\u0000b', 'control_characters'],
    ['bip\u0007', 'control_characters'],
    ['tab\there', 'control_characters'],
    ['esc\u001b[31m', 'control_characters'],
    ['del\u007f', 'control_characters'],
    ['c1\u0085', 'control_characters'],
  ])('refuses %j (%s)', (raw, problem) => {
    expect(normaliseChatText(raw)).toEqual({ problem });
  });

  it('counts characters, not UTF-16 units, up to the limit', () => {
    expect(normaliseChatText('é'.repeat(CHAT_MAX_LENGTH))).toEqual({ text: 'é'.repeat(CHAT_MAX_LENGTH) });
    expect(normaliseChatText('😀'.repeat(CHAT_MAX_LENGTH))).toEqual({ text: '😀'.repeat(CHAT_MAX_LENGTH) });
    expect(normaliseChatText('a'.repeat(CHAT_MAX_LENGTH + 1))).toEqual({ problem: 'too_long' });
    // Trimmed first: surrounding blanks do not count.
    expect(normaliseChatText(` ${'a'.repeat(CHAT_MAX_LENGTH)} `)).toEqual({ text: 'a'.repeat(CHAT_MAX_LENGTH) });
  });
});
