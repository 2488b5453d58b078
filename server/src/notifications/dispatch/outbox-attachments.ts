import { Injectable } from '@nestjs/common';

export interface Attachment {
  filename: string;
  contentType: string;
  content: Buffer;
}

/** null: the document is gone (deleted, purged) or cannot be sent; the message then fails for good. */
export type AttachmentSource = (documentId: string) => Promise<Attachment | null>;

/**
 * Where the dispatcher reads a message's attachment when it leaves. The documents module registers
 * its source at start (it depends on this module, not the reverse). Without one, a message with an
 * attachment cannot be sent.
 */
@Injectable()
export class OutboxAttachments {
  private source: AttachmentSource | null = null;

  register(source: AttachmentSource): void {
    this.source = source;
  }

  read(documentId: string): Promise<Attachment | null> {
    return this.source ? this.source(documentId) : Promise.resolve(null);
  }
}
