import { chatParts } from './chat-links';

describe('chatParts', () => {
  it('keeps text without addresses as one text part', () => {
    expect(chatParts('Bonjour, je vous entends.')).toEqual([{ kind: 'text', text: 'Bonjour, je vous entends.' }]);
  });

  it('finds http and https addresses, leaving the sentence punctuation out', () => {
    expect(chatParts('Allez sur https://www.impots.gouv.fr/accueil. Ou http://exemple.fr, merci')).toEqual([
      { kind: 'text', text: 'Allez sur ' },
      { kind: 'url', text: 'https://www.impots.gouv.fr/accueil', href: 'https://www.impots.gouv.fr/accueil' },
      { kind: 'text', text: '. Ou ' },
      { kind: 'url', text: 'http://exemple.fr', href: 'http://exemple.fr/' },
      { kind: 'text', text: ', merci' },
    ]);
  });

  it('keeps a query string and a closing bracket the address opened', () => {
    expect(chatParts('(voir https://fr.wikipedia.org/wiki/Caf_(France))')).toEqual([
      { kind: 'text', text: '(voir ' },
      { kind: 'url', text: 'https://fr.wikipedia.org/wiki/Caf_(France)', href: 'https://fr.wikipedia.org/wiki/Caf_(France)' },
      { kind: 'text', text: ')' },
    ]);
    expect(chatParts('https://exemple.fr/?a=1&b=<2>')[0]).toEqual({ kind: 'url', text: 'https://exemple.fr/?a=1&b=', href: 'https://exemple.fr/?a=1&b=' });
  });

  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(document.cookie)',
    'data:text/html,<script>alert(1)</script>',
    'ftp://exemple.fr/fichier',
    'vbscript:msgbox',
    '<a href="javascript:alert(1)">clic</a>',
    'www.exemple.fr',
  ])('never makes a link of %j', (text) => {
    expect(chatParts(text).every((p) => p.kind === 'text')).toBe(true);
    expect(chatParts(text).map((p) => p.text).join('')).toBe(text);
  });

  it('refuses an address with credentials (one site shown, another opened), and one that does not parse', () => {
    expect(chatParts('https://impots.gouv.fr@evil.example/')).toEqual([{ kind: 'text', text: 'https://impots.gouv.fr@evil.example/' }]);
    expect(chatParts('http://[::1')).toEqual([{ kind: 'text', text: 'http://[::1' }]);
  });

  it('keeps HTML as text around an address', () => {
    const text = '<b>https://exemple.fr</b>';
    expect(chatParts(text)).toEqual([
      { kind: 'text', text: '<b>' },
      { kind: 'url', text: 'https://exemple.fr', href: 'https://exemple.fr/' },
      { kind: 'text', text: '</b>' },
    ]);
  });
});
