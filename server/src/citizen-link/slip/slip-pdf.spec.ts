import { PDFDocument, StandardFonts } from 'pdf-lib';
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
    expect(lines[0]).toBe('France Services — France Services de Pithiviers');
    for (const expected of [
      'Convocation à un rendez-vous en visioconférence',
      'Pour : Françoise L’Hôte',
      'Mardi 3 mars 2026 à 14 h 30 (30 minutes)',
      '2 rue de la Couronne, 45300 Pithiviers',
      'Cabine : Cabine 1',
      'DDFIP du Loiret',
      'Impôt sur le revenu : déclaration, avis',
      '•  Avis d’imposition',
      '•  Pièce d’identité',
      'https://visio.example.fr/rdv/AbCdEfGhIjKlMnOpQrStUv',
      'Appelez France Services de Pithiviers au 02 38 30 00 00.',
    ]) {
      expect(lines).toContain(expected);
    }
    // A long paper's name is wrapped inside the margins, none of it lost.
    expect(text!.replace(/\n/g, ' ')).toContain('Relevé d’identité bancaire (RIB) du compte sur lequel les remboursements doivent être versés');
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
