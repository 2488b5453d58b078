import { Controller, Delete, Get, HttpCode, Param, ParseIntPipe, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { pipeline } from 'node:stream/promises';
import { Allow } from '../auth/decorators/allow.decorator';
import { AuthenticatedRequest, CurrentPrincipal } from '../auth/decorators/principal.decorator';
import { Principal } from '../auth/principal';
import { DomainError } from '../common/errors/domain.error';
import { uuidParam } from '../common/http/uuid-param';
import { DocumentsService, DocumentPart, OpenedDocument } from './documents.service';
import { DocumentView } from './dto/document.view';
import { DocumentsStatusView } from './dto/documents-status.view';
import { DocumentsStatus } from './documents-status';
import { OpenDocumentQueryDto } from './dto/open-document.dto';
import { contentDisposition } from './file-name';

const positionParam = new ParseIntPipe({
  exceptionFactory: () => new DomainError('VALIDATION_FAILED', 'position must be a page number.', { position: ['INVALID_FORMAT'] }),
});

/** NOTE: no cache anywhere (a booth must keep nothing), and a document can never run as a page. */
function sendDocument(res: Response, opened: OpenedDocument, download: boolean): Promise<void> {
  res.setHeader('Content-Type', opened.mediaType);
  res.setHeader('Content-Disposition', contentDisposition(download ? 'attachment' : 'inline', opened.name));
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('Content-Security-Policy', "default-src 'none'; sandbox");
  if (opened.size !== null) res.setHeader('Content-Length', String(opened.size));
  return pipeline(opened.stream, res).catch(() => {
    // Headers are gone: a failure mid-stream (a tampered file) can only cut the answer short.
    res.destroy();
  });
}

@ApiTags('documents')
@Controller('api')
export class DocumentsController {
  constructor(
    private readonly documents: DocumentsService,
    private readonly status: DocumentsStatus,
  ) {}

  /** For the admin page: the antivirus (engine, signature set and its age, warnings), the queue of checks, the limits. */
  @Get('documents/status')
  @Allow('admin')
  @ApiOkResponse({ type: DocumentsStatusView })
  details() {
    return this.status.details();
  }

  /**
   * multipart/form-data: `file` once (a PDF, or one image) or several times (photographed pages, in
   * order), and an optional `title`. 201 once stored, encrypted and waiting for its checks
   * (`scanning`); the participants are told when it is ready or refused.
   */
  @Post('consultations/:id/documents')
  @Allow('agent', 'facilitator', 'device')
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: { title: { type: 'string', maxLength: 200 }, file: { type: 'array', items: { type: 'string', format: 'binary' } } },
    },
  })
  @ApiCreatedResponse({ type: DocumentView })
  async upload(@CurrentPrincipal() principal: Principal, @Param('id', uuidParam('id')) id: string, @Req() req: AuthenticatedRequest, @Res({ passthrough: true }) res: Response) {
    try {
      return await this.documents.upload(principal, id, req, req.ip ?? null);
    } catch (error) {
      // The body may still be arriving: refuse it and close, rather than read megabytes for nothing.
      if (!req.complete) res.setHeader('Connection', 'close');
      throw error;
    }
  }

  @Get('consultations/:id/documents')
  @Allow('agent', 'facilitator', 'device')
  @ApiOkResponse({ type: [DocumentView] })
  list(@CurrentPrincipal() principal: Principal, @Param('id', uuidParam('id')) id: string) {
    return this.documents.list(principal, id);
  }

  @Get('documents/:id/files/:position')
  @Allow('agent', 'facilitator', 'device')
  @ApiProduces('image/jpeg', 'image/png', 'application/pdf')
  @ApiOkResponse({ description: 'The page (an image re-encoded without metadata) or the PDF' })
  async file(
    @CurrentPrincipal() principal: Principal,
    @Param('id', uuidParam('id')) id: string,
    @Param('position', positionParam) position: number,
    @Query() query: OpenDocumentQueryDto,
    @Req() req: AuthenticatedRequest,
    @Res() res: Response,
  ) {
    await this.send(principal, id, { kind: 'file', position }, query, req, res);
  }

  @Get('documents/:id/pdf')
  @Allow('agent', 'facilitator', 'device')
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'The whole document as one PDF' })
  async pdf(@CurrentPrincipal() principal: Principal, @Param('id', uuidParam('id')) id: string, @Query() query: OpenDocumentQueryDto, @Req() req: AuthenticatedRequest, @Res() res: Response) {
    await this.send(principal, id, { kind: 'pdf' }, query, req, res);
  }

  @Delete('documents/:id')
  @HttpCode(204)
  @Allow('agent', 'facilitator', 'device')
  @ApiNoContentResponse()
  delete(@CurrentPrincipal() principal: Principal, @Param('id', uuidParam('id')) id: string, @Req() req: AuthenticatedRequest) {
    return this.documents.delete(principal, id, req.ip ?? null);
  }

  private async send(principal: Principal, id: string, part: DocumentPart, query: OpenDocumentQueryDto, req: AuthenticatedRequest, res: Response): Promise<void> {
    const download = query.download === '1';
    const opened = await this.documents.open(principal, id, part, { exp: query.exp, sig: query.sig }, download, req.ip ?? null);
    await sendDocument(res, opened, download);
  }
}
