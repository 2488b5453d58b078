import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { documentsConfig, DocumentsConfig } from '../../config/configuration';
import { AntivirusUnavailableError, ClamdClient, ClamdTarget, describeClamdTarget, parseClamdUrl, ScanVerdict } from './clamd-client';
import { ClamdExit, ClamdNotInstalledError, EmbeddedClamd } from './embedded-clamd';
import { describeSignatures, parseClamdVersion, SignatureSet } from './signatures';

export type AntivirusState = 'starting' | 'ready' | 'unavailable' | 'not_installed';

/** What the health endpoint and the admin page say about the antivirus. */
export interface AntivirusStatus {
  mode: 'embedded' | 'external';
  state: AntivirusState;
  target: string | null;
  engine: string | null;
  /** Signature databases: their kind (official, test-only…) and age. Null when clamd is elsewhere and silent. */
  signatures: SignatureSet | null;
  databaseVersion: number | null;
  databaseDate: string | null;
  /** In plain words, when something is wrong (not installed, down, only test signatures). */
  warning: string | null;
  lastError: string | null;
}

const RESTART_DELAYS_MS = [1_000, 5_000, 15_000, 60_000];

/**
 * The antivirus every document goes through: a clamd given by CLAMD_URL, or by default one this
 * server starts and stops itself (Debian clamav-daemon) on the signatures of CLAMD_DATABASE_DIR.
 * Starting it does not hold up the server: documents wait in "scanning" until it answers, and the
 * processor is told when it is back.
 */
@Injectable()
export class AntivirusService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Antivirus');
  private readonly embedded: EmbeddedClamd | null;
  private client: ClamdClient | null = null;
  private target: ClamdTarget | null = null;
  private state: AntivirusState = 'starting';
  private lastError: string | null = null;
  private signatures: SignatureSet | null = null;
  private version: ReturnType<typeof parseClamdVersion> | null = null;
  private readonly readyListeners: Array<() => void> = [];
  private restartTimer: NodeJS.Timeout | null = null;
  private restarts = 0;
  private stopping = false;

  constructor(@Inject(documentsConfig.KEY) private readonly config: DocumentsConfig) {
    const clamd = config.clamd;
    this.embedded =
      clamd.kind === 'embedded'
        ? new EmbeddedClamd({
            workDir: clamd.workDir,
            databaseDir: clamd.databaseDir,
            // Room for the multipart framing around the largest accepted document.
            streamMaxBytes: config.maxBytes + 1024 * 1024,
            logger: { log: (m) => this.logger.log(m), warn: (m) => this.logger.warn(m) },
            onExit: (exit) => this.embeddedExited(exit),
          })
        : null;
    if (clamd.kind === 'external') {
      this.target = parseClamdUrl(clamd.url);
      this.client = new ClamdClient(this.target);
    }
  }

  onApplicationBootstrap(): void {
    void this.connect();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopping = true;
    if (this.restartTimer) clearTimeout(this.restartTimer);
    await this.embedded?.stop();
  }

  /** Called each time the antivirus (re)starts answering. */
  onReady(listener: () => void): void {
    this.readyListeners.push(listener);
  }

  /** Throws AntivirusUnavailableError when no verdict can be had: the file is then not scanned, never "clean". */
  async scan(source: NodeJS.ReadableStream): Promise<ScanVerdict> {
    if (!this.client) throw new AntivirusUnavailableError(this.state === 'not_installed' ? 'clamd is not installed' : 'clamd is starting', 'clamd');
    try {
      const verdict = await this.client.scan(source);
      if (this.state !== 'ready') this.markReady();
      return verdict;
    } catch (error) {
      if (error instanceof AntivirusUnavailableError) {
        this.state = 'unavailable';
        this.lastError = error.reason;
        // An external daemon is asked again by the next scan; the embedded one restarts on its exit.
        if (!this.embedded) this.scheduleProbe();
      }
      throw error;
    }
  }

  status(): AntivirusStatus {
    const signatures = this.signatures;
    return {
      mode: this.embedded ? 'embedded' : 'external',
      state: this.state,
      target: this.target ? describeClamdTarget(this.target) : null,
      engine: this.version?.engine ?? null,
      signatures,
      databaseVersion: this.version?.databaseVersion ?? null,
      databaseDate: this.version?.databaseDate ?? null,
      warning: this.warning(signatures),
      lastError: this.lastError,
    };
  }

  private warning(signatures: SignatureSet | null): string | null {
    if (this.state === 'not_installed') return 'ClamAV is not installed: documents wait unscanned (apt-get install clamav-daemon, or set CLAMD_URL).';
    if (this.state === 'unavailable') return `The antivirus does not answer: documents wait unscanned (${this.lastError ?? 'unknown reason'}).`;
    if (signatures?.kind === 'test-only') {
      return 'Only the project’s own TEST signatures are loaded: files are NOT protected against real viruses. Install official ClamAV signatures and set CLAMD_DATABASE_DIR.';
    }
    if (signatures?.kind === 'missing') return 'No signature database found.';
    if (signatures?.ageDays !== null && signatures?.ageDays !== undefined && signatures.ageDays > 7) return `The signatures are ${Math.floor(signatures.ageDays)} days old: update them.`;
    return null;
  }

  private async connect(): Promise<void> {
    if (this.stopping) return;
    try {
      if (this.embedded) {
        this.state = 'starting';
        const target = await this.embedded.start();
        this.target = target;
        this.client = new ClamdClient(target);
        this.signatures = await describeSignatures(this.config.clamd.kind === 'embedded' ? this.config.clamd.databaseDir : '');
      }
      await this.client!.ping();
      this.version = parseClamdVersion(await this.client!.version());
      this.markReady();
    } catch (error) {
      if (error instanceof ClamdNotInstalledError) {
        this.state = 'not_installed';
        this.lastError = error.message;
        this.logger.error(error.message);
        return;
      }
      this.state = 'unavailable';
      this.lastError = error instanceof Error ? error.message : String(error);
      this.logger.warn(`antivirus not available: ${this.lastError}`);
      this.scheduleProbe();
    }
  }

  private markReady(): void {
    this.state = 'ready';
    this.lastError = null;
    this.restarts = 0;
    const target = this.target ? describeClamdTarget(this.target) : 'clamd';
    this.logger.log(`antivirus ready (${target}${this.version ? `, ${this.version.engine}` : ''}${this.signatures ? `, signatures: ${this.signatures.kind}` : ''})`);
    if (this.signatures?.kind === 'test-only') this.logger.warn(this.warning(this.signatures) ?? '');
    for (const listener of this.readyListeners) listener();
  }

  private embeddedExited(exit: ClamdExit): void {
    if (this.stopping) return;
    this.state = 'unavailable';
    this.lastError = `clamd exited (${exit.signal ? `signal ${exit.signal}` : `code ${exit.code ?? '?'}`})`;
    this.logger.error(`${this.lastError}; restarting it`);
    this.scheduleProbe();
  }

  private scheduleProbe(): void {
    if (this.stopping || this.restartTimer) return;
    const delay = RESTART_DELAYS_MS[Math.min(this.restarts++, RESTART_DELAYS_MS.length - 1)]!;
    this.restartTimer = setTimeout(() => {
      this.restartTimer = null;
      void this.connect();
    }, delay);
    this.restartTimer.unref();
  }
}
