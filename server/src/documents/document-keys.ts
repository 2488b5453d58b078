import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { documentsConfig, DocumentsConfig } from '../config/configuration';
import { MasterKey, unwrapDataKey } from './storage/envelope';

const LOCAL_KEY_FILE = 'documents.key';
const LOCAL_KEY_ID = 'local';

/**
 * The master keys that wrap the documents' data keys, and the key that signs download links
 * (derived from the active master key, so that every instance sharing the keys accepts the links).
 * Without DOCUMENTS_MASTER_KEYS, one key is generated on first start into DATA_DIR (one machine).
 */
@Injectable()
export class DocumentKeys implements OnModuleInit {
  private readonly logger = new Logger('DocumentKeys');
  private keys: MasterKey[] = [];
  private linkKey: Buffer = Buffer.alloc(0);

  constructor(@Inject(documentsConfig.KEY) private readonly config: DocumentsConfig) {}

  async onModuleInit(): Promise<void> {
    this.keys = this.config.masterKeys ?? [await this.localKey()];
    this.linkKey = Buffer.from(hkdfSync('sha256', this.active.key, Buffer.alloc(0), 'visio-msap document links', 32));
  }

  /** The key new documents are wrapped with. */
  get active(): MasterKey {
    const key = this.keys[0];
    if (!key) throw new Error('document keys are not loaded yet');
    return key;
  }

  get all(): readonly MasterKey[] {
    return this.keys;
  }

  /** A document's data key, unwrapped by whichever configured master key wrapped it. */
  dataKeyOf(document: { id: string; keyId: string; wrappedKey: Buffer }): Buffer {
    return unwrapDataKey(this.keys, { keyId: document.keyId, wrapped: document.wrappedKey }, document.id);
  }

  sign(payload: string): string {
    return createHmac('sha256', this.linkKey).update(payload).digest('base64url');
  }

  verify(payload: string, signature: string): boolean {
    const expected = Buffer.from(this.sign(payload));
    const given = Buffer.from(signature);
    return expected.length === given.length && timingSafeEqual(expected, given);
  }

  private async localKey(): Promise<MasterKey> {
    const file = join(this.config.dataDir, LOCAL_KEY_FILE);
    try {
      const key = Buffer.from((await readFile(file, 'utf8')).trim(), 'base64');
      if (key.length !== 32) throw new Error(`${file} does not hold a 32-byte key in base64`);
      return { id: LOCAL_KEY_ID, key };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    await mkdir(this.config.dataDir, { recursive: true });
    const key = randomBytes(32);
    await writeFile(file, `${key.toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
    await chmod(file, 0o600);
    this.logger.warn(`generated the documents' master key in ${file}: back it up, or set DOCUMENTS_MASTER_KEYS (required with several instances)`);
    return { id: LOCAL_KEY_ID, key };
  }
}
