import { ApiProperty } from '@nestjs/swagger';

export class SignatureFileView {
  @ApiProperty({ example: 'daily.cvd' })
  name!: string;

  @ApiProperty({ type: Number, nullable: true })
  version!: number | null;

  @ApiProperty({ type: String, nullable: true, description: 'Build time of an official database (ISO)' })
  builtAt!: string | null;

  @ApiProperty({ type: Number, nullable: true })
  signatures!: number | null;
}

export class SignatureSetView {
  @ApiProperty({ enum: ['official', 'test-only', 'custom', 'missing'], enumName: 'SignatureKind' })
  kind!: 'official' | 'test-only' | 'custom' | 'missing';

  @ApiProperty({ type: [SignatureFileView] })
  files!: SignatureFileView[];

  @ApiProperty({ type: String, nullable: true })
  newestAt!: string | null;

  @ApiProperty({ type: Number, nullable: true })
  ageDays!: number | null;
}

export class AntivirusStatusView {
  @ApiProperty({ enum: ['embedded', 'external'] })
  mode!: 'embedded' | 'external';

  @ApiProperty({ enum: ['starting', 'ready', 'unavailable', 'not_installed'], enumName: 'AntivirusState' })
  state!: 'starting' | 'ready' | 'unavailable' | 'not_installed';

  @ApiProperty({ type: String, nullable: true, example: 'unix:///var/lib/visio-msap/clamav/clamd.sock' })
  target!: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'ClamAV 1.4.6' })
  engine!: string | null;

  @ApiProperty({ type: SignatureSetView, nullable: true })
  signatures!: SignatureSetView | null;

  @ApiProperty({ type: Number, nullable: true })
  databaseVersion!: number | null;

  @ApiProperty({ type: String, nullable: true })
  databaseDate!: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'What is wrong, in plain words (English, for operators)' })
  warning!: string | null;

  @ApiProperty({ type: String, nullable: true })
  lastError!: string | null;
}

export class ScanBacklogView {
  @ApiProperty()
  waiting!: number;

  @ApiProperty({ type: Number, nullable: true })
  oldestSeconds!: number | null;
}

export class DocumentLimitsView {
  @ApiProperty()
  maxBytes!: number;

  @ApiProperty()
  maxPages!: number;

  @ApiProperty()
  maxPixels!: number;

  @ApiProperty()
  retentionDays!: number;

  @ApiProperty({ enum: ['local', 's3'] })
  storage!: 'local' | 's3';
}

/** The admin page's view of documents: the antivirus, the queue of checks, the limits in force. */
export class DocumentsStatusView {
  @ApiProperty({ type: AntivirusStatusView })
  antivirus!: AntivirusStatusView;

  @ApiProperty({ type: ScanBacklogView })
  scanning!: ScanBacklogView;

  @ApiProperty({ type: DocumentLimitsView })
  limits!: DocumentLimitsView;
}
