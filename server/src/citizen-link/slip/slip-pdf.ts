import { PDFDocument, PDFFont, PDFPage, rgb, StandardFonts } from 'pdf-lib';

/** What a printed appointment slip says, already in words (dates formatted, phone as dialled). */
export interface SlipContent {
  siteName: string;
  siteAddress: string;
  /** As dialled in France ("02 38 30 00 00"), or null when the directory has none. */
  sitePhone: string | null;
  boothName: string;
  citizenName: string;
  /** "mardi 3 mars 2026 à 14 h 30". */
  when: string;
  durationMinutes: number;
  administration: string;
  subject: string | null;
  documents: string[];
  /** The citizen's personal link, printed in full (the slip is its only copy with this token). */
  link: string;
  linkDays: number;
  /** "lundi 2 mars 2026 à 11 h 05": when it was printed. */
  printedAt: string;
}

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 56;
const WIDTH = A4[0] - 2 * MARGIN;
const INK = rgb(0.09, 0.09, 0.09);
const GREY = rgb(0.4, 0.4, 0.4);
const BLUE = rgb(0, 0, 0.57);

interface Fonts {
  regular: PDFFont;
  bold: PDFFont;
  mono: PDFFont;
}

/**
 * The slip as a one-page A4 PDF, text only, in the standard Helvetica and Courier fonts (nothing
 * embedded, so a few kilobytes; WinAnsi covers French). No Marianne nor state logo: a plain header
 * naming the France Services. Where a character is outside WinAnsi it is written without its accent,
 * or as "?", rather than failing the print.
 */
export async function renderSlip(content: SlipContent): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  // The viewer's tab shows the title, not the file name; a reader reads it in French.
  doc.setTitle(`Convocation — ${content.siteName}`, { showInWindowTitleBar: true });
  doc.setLanguage('fr-FR');
  doc.setProducer('Visio MSAP');
  doc.setCreator('Visio MSAP');
  const fonts: Fonts = {
    regular: await doc.embedFont(StandardFonts.Helvetica),
    bold: await doc.embedFont(StandardFonts.HelveticaBold),
    mono: await doc.embedFont(StandardFonts.Courier),
  };
  const page = doc.addPage(A4);
  const pen = new Pen(page, fonts);

  pen.text(header(content.siteName), { font: 'bold', size: 15, color: BLUE });
  pen.rule();
  pen.gap(18);
  pen.text('Convocation à un rendez-vous en visioconférence', { font: 'bold', size: 20 });
  pen.gap(6);
  pen.text(`Pour : ${content.citizenName}`, { size: 12 });
  pen.gap(18);

  pen.section('Date et heure');
  pen.text(`${capitalize(content.when)} (${content.durationMinutes} minutes)`, { font: 'bold', size: 14 });
  pen.text('Présentez-vous 10 minutes avant l’heure : l’animateur vous installe dans la cabine.', { size: 11, color: GREY });
  pen.section('Lieu');
  pen.text(content.siteName, { size: 12 });
  pen.text(content.siteAddress, { size: 12 });
  pen.text(boothLine(content.boothName), { size: 12 });
  pen.section('Avec');
  pen.text(content.administration, { size: 12 });
  if (content.subject) {
    pen.section('Objet');
    pen.text(content.subject, { size: 12 });
  }
  pen.section('Papiers à apporter');
  if (content.documents.length === 0) pen.text('Aucun document particulier.', { size: 12 });
  for (const document of content.documents) pen.text(`•  ${document}`, { size: 12, indent: 8 });

  pen.section('Votre rendez-vous en ligne');
  pen.text('Pour l’annuler ou demander à être rappelé pour changer l’horaire, ouvrez ce lien :', { size: 11 });
  pen.gap(2);
  // A fixed-width font whose letters and digits differ (the token has no i, l, o, 0 nor 1).
  pen.text(content.link, { font: 'mono', size: 12, breakAnywhere: true });
  pen.gap(2);
  pen.text(`Ce lien est personnel : ne le partagez pas. Il ne fonctionne plus ${content.linkDays} jours après le rendez-vous.`, { size: 10, color: GREY });
  if (content.sitePhone) {
    pen.section('Une question ?');
    pen.text(`Appelez ${content.siteName} au ${content.sitePhone}.`, { size: 12 });
  }
  pen.footer(`Imprimé le ${content.printedAt} — Visio MSAP, téléconsultation des services publics en France Services.`);
  return doc.save();
}

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
/** "France Services de Pithiviers" says it already; another name is introduced. */
const header = (siteName: string) => (/france services/i.test(siteName) ? siteName : `France Services — ${siteName}`);
/** "Cabine 1" says it already; "Salle bleue" is introduced. */
const boothLine = (boothName: string) => (/^(cabine|box|salle|bureau)\b/i.test(boothName) ? boothName : `Cabine : ${boothName}`);

interface TextStyle {
  font?: keyof Fonts;
  size: number;
  color?: ReturnType<typeof rgb>;
  indent?: number;
  /** A URL has no spaces: it is cut after a slash or a hyphen, or anywhere in a longer run. */
  breakAnywhere?: boolean;
}

/** Writes down the page, line after line, wrapping to the margins. */
class Pen {
  private y = A4[1] - MARGIN;

  constructor(
    private readonly page: PDFPage,
    private readonly fonts: Fonts,
  ) {}

  text(text: string, style: TextStyle): void {
    const font = this.fonts[style.font ?? 'regular'];
    const safe = writable(text, font);
    const width = WIDTH - (style.indent ?? 0);
    for (const line of wrap(safe, font, style.size, width, style.breakAnywhere ?? false)) {
      this.y -= style.size * 1.35;
      this.page.drawText(line, { x: MARGIN + (style.indent ?? 0), y: this.y, size: style.size, font, color: style.color ?? INK });
    }
  }

  section(title: string): void {
    this.gap(12);
    this.text(title.toUpperCase(), { font: 'bold', size: 10, color: GREY });
    this.gap(2);
  }

  rule(): void {
    this.y -= 8;
    this.page.drawLine({ start: { x: MARGIN, y: this.y }, end: { x: A4[0] - MARGIN, y: this.y }, thickness: 1, color: BLUE });
  }

  gap(points: number): void {
    this.y -= points;
  }

  footer(text: string): void {
    const font = this.fonts.regular;
    const lines = wrap(writable(text, font), font, 8, WIDTH, false);
    lines.forEach((line, i) => this.page.drawText(line, { x: MARGIN, y: MARGIN - 20 + (lines.length - 1 - i) * 11, size: 8, font, color: GREY }));
  }
}

/** The text with each character the font cannot encode replaced by its unaccented letter, or "?". */
export function writable(text: string, font: PDFFont): string {
  const known = new Set(font.getCharacterSet());
  let out = '';
  for (const char of text.replace(/[\u202f\u2009]/g, ' ')) {
    const code = char.codePointAt(0)!;
    if (known.has(code)) {
      out += char;
      continue;
    }
    const base = char.normalize('NFD').charAt(0);
    out += base && known.has(base.codePointAt(0)!) ? base : '?';
  }
  return out;
}

/** Lines no wider than `width`: words kept whole unless `anywhere`, or one is wider than a line. */
function wrap(text: string, font: PDFFont, size: number, width: number, anywhere: boolean): string[] {
  const fits = (s: string) => font.widthOfTextAtSize(s, size) <= width;
  const lines: string[] = [];
  let line = '';
  const tokens = anywhere ? text.split(/(?<=[/-])/) : text.split(/(\s+)/);
  for (const token of tokens) {
    const next = line + token;
    if (fits(next)) {
      line = next;
      continue;
    }
    if (line.trim()) lines.push(line.trimEnd());
    line = token.trimStart();
    // A single word wider than the line is cut where it must be.
    while (!fits(line) && line.length > 1) {
      let cut = line.length - 1;
      while (cut > 1 && !fits(line.slice(0, cut))) cut--;
      lines.push(line.slice(0, cut));
      line = line.slice(cut);
    }
  }
  if (line.trim()) lines.push(line.trimEnd());
  return lines;
}
