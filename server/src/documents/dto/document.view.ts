import { ApiProperty } from '@nestjs/swagger';
import {
  DOCUMENT_DIRECTIONS,
  DOCUMENT_MEDIA_TYPES,
  DOCUMENT_REJECTIONS,
  DOCUMENT_STATUSES,
  DOCUMENT_WAITS,
  DocumentDirection,
  DocumentFileView as DocumentFile,
  DocumentMediaType,
  DocumentRejection,
  DocumentSenderRole,
  DocumentStatus,
  DocumentView as Document,
  DocumentWait,
} from '../../../../shared/documents/documents';

/** The OpenAPI shape of shared/documents (the client's types are generated from it). */
export class DocumentFileView implements DocumentFile {
  @ApiProperty({ minimum: 1 })
  position!: number;

  @ApiProperty({ enum: DOCUMENT_MEDIA_TYPES, enumName: 'DocumentMediaType', description: 'Found from the bytes' })
  mediaType!: DocumentMediaType;

  @ApiProperty({ description: 'Bytes as received' })
  size!: number;

  @ApiProperty({ example: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855', description: 'SHA-256 (hex) as received' })
  sha256!: string;

  @ApiProperty({ type: Number, nullable: true })
  width!: number | null;

  @ApiProperty({ type: Number, nullable: true })
  height!: number | null;

  @ApiProperty({ type: String, nullable: true, description: 'Signed for the caller’s session, short-lived; null until ready. Add download=1 to save it.' })
  url!: string | null;
}

export class DocumentView implements Document {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  consultationId!: string;

  @ApiProperty({ enum: DOCUMENT_DIRECTIONS, enumName: 'DocumentDirection' })
  direction!: DocumentDirection;

  @ApiProperty({ enum: ['booth', 'agent', 'facilitator'], enumName: 'DocumentSenderRole' })
  senderRole!: DocumentSenderRole;

  @ApiProperty()
  senderName!: string;

  @ApiProperty({ example: 'Avis d’imposition 2026' })
  title!: string;

  @ApiProperty({ enum: DOCUMENT_STATUSES, enumName: 'DocumentStatus' })
  status!: DocumentStatus;

  @ApiProperty({ enum: DOCUMENT_REJECTIONS, enumName: 'DocumentRejection', nullable: true })
  rejection!: DocumentRejection | null;

  @ApiProperty({ type: String, nullable: true, description: 'The virus signature found, if any' })
  signature!: string | null;

  @ApiProperty({ enum: DOCUMENT_WAITS, enumName: 'DocumentWait', nullable: true })
  waiting!: DocumentWait | null;

  @ApiProperty({ type: Number, nullable: true })
  pages!: number | null;

  @ApiProperty()
  size!: number;

  @ApiProperty({ example: '2026-03-23T10:05:00+01:00' })
  createdAt!: string;

  @ApiProperty({ type: String, nullable: true })
  readyAt!: string | null;

  @ApiProperty({ type: [DocumentFileView] })
  files!: DocumentFileView[];

  @ApiProperty({ type: String, nullable: true, description: 'The whole document as one PDF; null until ready' })
  pdfUrl!: string | null;

  @ApiProperty({ description: 'A copy goes to the citizen’s e-mail (asked by the agent, with the citizen’s agreement)' })
  emailCopy!: boolean;

  @ApiProperty()
  canDelete!: boolean;
}
