import { PDFDict, PDFDocument, PDFName, StandardFonts } from 'pdf-lib';
import { pdfPagesText } from '../../../../test/support/pdf-text';
import { renderSlip, SlipContent, writable } from './slip-pdf';

const content: SlipContent = {
  siteName: 'France Services de Pithiviers',
  siteAddress: '2 rue de la Couronne, 45300 Pithiviers',
  sitePhone: '02 38 30 00 00',
  boothName: 'Cabine 1',
  citizenName: 'Françoise L’Hôte',
  when: 'mardi 3 mars 2026 à 14 h 30',
  durationMinutes: 30,
  administration: 'DDFIP du Loiret',
  subject: 'Impôt sur le revenu : déclaration, avis',
  documents: ['Avis d’imposition', 'Pièce d’identité', 'Relevé d’identité bancaire (RIB) du compte sur lequel les remboursements doivent être versés'],
  link: 'https://visio.example.fr/rdv/AbCdEfGhIjKlMnOpQrStUv',
  linkDays: 7,
  printedAt: 'lundi 2 mars 2026 à 11 h 05',
};

describe('the appointment slip PDF', () => {
  it('is one A4 page that reads back with every part of the appointment, accents included', async () => {
    const bytes = await renderSlip(content);
    expect(Buffer.from(bytes.subarray(0, 5)).toString()).toBe('%PDF-');
    const doc = await PDFDocument.load(bytes);
    expect(doc.getPageCount()).toBe(1);
    const { width, height } = doc.getPage(0).getSize();
    expect([Math.round(width), Math.round(height)]).toEqual([595, 842]);
    expect(doc.getTitle()).toBe('Convocation — France Services de Pithiviers');

    const [text] = await pdfPagesText(bytes);
    const lines = text!.split('\n');
    // Said once: the site's name says "France Services" already, the booth's "Cabine".
    expect(lines[0]).toBe('France Services de Pithiviers');
    for (const expected of [
      'Convocation à un rendez-vous en visioconférence',
      'Pour : Françoise L’Hôte',
      'Mardi 3 mars 2026 à 14 h 30 (30 minutes)',
      '2 rue de la Couronne, 45300 Pithiviers',
      'Cabine 1',
      'DDFIP du Loiret',
      'Impôt sur le revenu : déclaration, avis',
      '•  Avis d’imposition',
      '•  Pièce d’identité',
      'https://visio.example.fr/rdv/AbCdEfGhIjKlMnOpQrStUv',
      'Appelez France Services de Pithiviers au 02 38 30 00 00.',
    ]) {
      expect(lines).toContain(expected);
    }
    expect(lines).not.toContain('Cabine : Cabine 1');
    // A long paper's name is wrapped inside the margins, none of it lost.
    expect(text!.replace(/\n/g, ' ')).toContain('Relevé d’identité bancaire (RIB) du compte sur lequel les remboursements doivent être versés');
  });

  it('is titled and in French for the viewer and screen readers, and introduces names that do not say what they are', async () => {
    const bytes = await renderSlip({ ...content, siteName: 'Maison de Beaune', boothName: 'Salle bleue' });
    const doc = await PDFDocument.load(bytes);
    expect(doc.getTitle()).toBe('Convocation — Maison de Beaune');
    expect(doc.catalog.get(PDFName.of('Lang'))?.toString()).toBe('(fr-FR)');
    expect(String(doc.catalog.lookup(PDFName.of('ViewerPreferences'), PDFDict).get(PDFName.of('DisplayDocTitle')))).toBe('true');
    const [text] = await pdfPagesText(bytes);
    expect(text!.split('\n')[0]).toBe('France Services — Maison de Beaune');
    expect(text).toContain('Salle bleue');
  });

  it('cuts a long link after a slash or a hyphen, not inside a group of its token', async () => {
    const link = 'https://rendez-vous-visio.prefecture-du-loiret.gouv.fr/rdv/k7mq-b3xz-9pwd-ahr4-tn2e-6fgc-uv8s';
    const [text] = await pdfPagesText(await renderSlip({ ...content, link }));
    const lines = text!.split('\n');
    const start = lines.findIndex((l) => l.startsWith('https://'));
    expect(lines[start]!.endsWith('/') || lines[start]!.endsWith('-')).toBe(true);
    expect(lines.slice(start, start + 2).join('')).toBe(link);
  });

  it('leaves out the phone when the site has none, and says when there is nothing to bring', async () => {
    const [text] = await pdfPagesText(await renderSlip({ ...content, sitePhone: null, documents: [], subject: null }));
    expect(text).not.toContain('Appelez');
    expect(text).not.toContain('OBJET');
    expect(text).toContain('Aucun document particulier.');
  });

  it('prints a character the font lacks without its accent, or as "?", instead of failing', async () => {
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.Helvetica);
    expect(writable('Nguyễn Thị Ánh 9\u202fh — ok 🙂', font)).toBe('Nguyen Thi Ánh 9 h — ok ?');
    const [text] = await pdfPagesText(await renderSlip({ ...content, citizenName: 'Nguyễn Thị 🙂' }));
    expect(text).toContain('Pour : Nguyen Thi ?');
  });
});
