import { CHAT_MAX_LENGTH } from '../signalling/protocol';
import { hasInvisibleFormatting, normaliseChatText } from './chat-text';

describe('normaliseChatText', () => {
  it.each([
    ['  Bonjour  ', 'Bonjour'],
    ['ligne 1\r\nligne 2\rligne 3', 'ligne 1\nligne 2\nligne 3'],
    ['<b>gras</b> & <script>x</script>', '<b>gras</b> & <script>x</script>'],
    ['Je suis sourd(e) 👂', 'Je suis sourd(e) 👂'],
    // The zero-width joiner inside an emoji sequence, as phone keyboards type it.
    ['Merci 👩\u200d🦯', 'Merci 👩\u200d🦯'],
    ['مرحبا à vous', 'مرحبا à vous'],
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
    // Invisible formatting: bidi embeddings, overrides, isolates; zero-width characters.
    ['abc\u202edcba', 'control_characters'],
    ['\u202aembedding', 'control_characters'],
    ['isolate\u2066x\u2069', 'control_characters'],
    ['zero\u200bwidth', 'control_characters'],
    ['non\u200cjoiner', 'control_characters'],
    ['joiner\u200dalone', 'control_characters'],
    ['mark\u200e', 'control_characters'],
    ['mark\u200f', 'control_characters'],
    ['word\u2060joiner', 'control_characters'],
    ['b\ufeffom', 'control_characters'],
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

describe('hasInvisibleFormatting', () => {
  it('finds each bidi and zero-width character, and nothing in ordinary text', () => {
    const invisible = [0x200b, 0x200c, 0x200e, 0x200f, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2060, 0x2066, 0x2067, 0x2068, 0x2069, 0xfeff];
    for (const code of invisible) expect(hasInvisibleFormatting(`a${String.fromCodePoint(code)}b`)).toBe(true);
    expect(hasInvisibleFormatting('a\u200db')).toBe(true);
    expect(hasInvisibleFormatting('J’arrive dans 5 minutes. « Très bien » — 10 h 30 🏳️\u200d🌈')).toBe(false);
  });
});
