import { csvCell, toCsv } from './csv';

describe('csv', () => {
  it.each([
    ['plain', 'plain'],
    ['a;b', '"a;b"'],
    ['il a dit "oui"', '"il a dit ""oui"""'],
    ['deux\nlignes', '"deux\nlignes"'],
    ['=HYPERLINK("x")', `"'=HYPERLINK(""x"")"`],
    ['+33612345678', "'+33612345678"],
    ['-1', "'-1"],
    ['@cmd', "'@cmd"],
    [42, '42'],
    [null, ''],
    [['logement', 'justice'], 'logement|justice'],
  ])('%j → %s', (value, expected) => expect(csvCell(value)).toBe(expected));

  it('starts with a BOM, separates with ; and ends rows with CRLF', () => {
    expect(toCsv(['a', 'b'], [[1, 'x;y']])).toBe('\uFEFFa;b\r\n1;"x;y"\r\n');
  });
});
