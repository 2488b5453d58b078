import { ApiProperty } from '@nestjs/swagger';

/** The retention limits in force in this instance (from its configuration). */
export class RetentionPolicyView {
  @ApiProperty({ description: 'The background sweep runs in this instance (RETENTION_ENABLED)' })
  enabled!: boolean;

  @ApiProperty({ example: 60, description: 'Minutes between two sweeps' })
  intervalMinutes!: number;

  @ApiProperty({ example: 500, description: 'Rows erased or deleted per statement' })
  batchSize!: number;

  @ApiProperty({
    example: 90,
    description:
      "Days after a consultation's end or cancellation before the citizen's name, phone, e-mail and the cancellation reason are erased; also after an absence's or closure's end (its reason) and a mass cancellation's end (its message)",
  })
  citizenDataDays!: number;

  @ApiProperty({ example: 30, description: 'Days after a message was sent or failed before its recipient, text and calendar invitation are erased' })
  outboxDays!: number;

  @ApiProperty({ example: 365, description: 'Days the audit log is kept' })
  auditDays!: number;

  @ApiProperty({ example: 365, description: 'Days a revoked or expired booth terminal is kept' })
  devicesDays!: number;

  @ApiProperty({ example: 1, description: 'Days an expired pairing code is kept' })
  pairingCodesDays!: number;

  @ApiProperty({ example: 365, description: 'Days an account stays disabled before it is pseudonymised (RETENTION_DISABLED_ACCOUNT_DAYS)' })
  disabledAccountDays!: number;

  @ApiProperty({ example: 'Usager (effacé)', description: "What an erased consultation shows instead of the citizen's name" })
  erasedCitizenName!: string;

  @ApiProperty({ example: '(effacé)', description: "What an erased absence or closure reason and mass cancellation message show instead" })
  erasedText!: string;

  @ApiProperty({ example: 'Compte (effacé)', description: "What a pseudonymised account shows instead of its holder's name" })
  erasedAccountName!: string;
}

/** What one sweep erased or deleted, and when. */
export class RetentionRunView {
  @ApiProperty({ example: '42' })
  id!: string;

  @ApiProperty({ example: '2026-03-30T03:00:00+02:00' })
  startedAt!: string;

  @ApiProperty({ example: '2026-03-30T03:00:02+02:00' })
  finishedAt!: string;

  @ApiProperty({ example: 120, description: 'Consultations whose citizen data were erased' })
  consultationsErased!: number;

  @ApiProperty({ example: 250, description: 'Outbox messages whose recipient and text were erased' })
  outboxErased!: number;

  @ApiProperty({ example: 0 })
  auditEventsDeleted!: number;

  @ApiProperty({ example: 14, description: 'Expired or signed-out sessions deleted' })
  sessionsDeleted!: number;

  @ApiProperty({ example: 2 })
  pairingCodesDeleted!: number;

  @ApiProperty({ example: 0 })
  devicesDeleted!: number;

  @ApiProperty({ example: 3, description: "Agents' absences whose reason was erased" })
  absenceReasonsErased!: number;

  @ApiProperty({ example: 1, description: "MSAP closures whose reason was erased" })
  closureReasonsErased!: number;

  @ApiProperty({ example: 0, description: 'Finished mass cancellations whose message was erased' })
  massCancellationMessagesErased!: number;

  @ApiProperty({ example: 0, description: 'Booth survey comments erased (they may name someone)' })
  surveyCommentsErased!: number;

  @ApiProperty({ example: 0, description: 'Accounts disabled for too long that were pseudonymised' })
  accountsPseudonymised!: number;

  @ApiProperty({ type: String, nullable: true, description: 'Why the run stopped early; what it erased before stays erased' })
  error!: string | null;
}

export class RetentionStatusView {
  @ApiProperty({ type: RetentionPolicyView })
  policy!: RetentionPolicyView;

  @ApiProperty({ type: RetentionRunView, nullable: true, description: 'The latest sweep, even one that found nothing to erase' })
  lastRun!: RetentionRunView | null;

  @ApiProperty({ type: [RetentionRunView], description: 'The latest sweeps (up to 10) that erased or deleted something, or failed' })
  recentRuns!: RetentionRunView[];
}
