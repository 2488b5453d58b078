import { ApiProperty } from '@nestjs/swagger';
import type { DeviceEntity } from '../entities/device.entity';

export class DeviceBoothView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'Cabine 1' })
  name!: string;

  @ApiProperty({ format: 'uuid' })
  msapSiteId!: string;
}

/** A paired booth terminal, as its MSAP's facilitators see it (never its token). */
export class DeviceView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'Cabine 1', description: 'The booth’s name unless the screen was given another one when paired' })
  label!: string;

  @ApiProperty({ format: 'uuid' })
  boothId!: string;

  @ApiProperty({ type: DeviceBoothView, nullable: true })
  booth!: DeviceBoothView | null;

  @ApiProperty()
  pairedAt!: string;

  @ApiProperty()
  expiresAt!: string;

  @ApiProperty({ type: String, nullable: true })
  lastSeenAt!: string | null;

  @ApiProperty({ type: String, nullable: true })
  revokedAt!: string | null;
}

export function toDeviceView(d: DeviceEntity): DeviceView {
  return {
    id: d.id,
    label: d.label,
    boothId: d.boothId,
    booth: d.booth ? { id: d.booth.id, name: d.booth.name, msapSiteId: d.booth.msapSiteId } : null,
    pairedAt: d.pairedAt.toISOString(),
    expiresAt: d.expiresAt.toISOString(),
    lastSeenAt: d.lastSeenAt?.toISOString() ?? null,
    revokedAt: d.revokedAt?.toISOString() ?? null,
  };
}

export class PairingCodeView {
  @ApiProperty({ example: '12345678', description: '8 digits, typed on the terminal' })
  code!: string;

  @ApiProperty()
  expiresAt!: string;

  @ApiProperty({ format: 'uuid' })
  boothId!: string;
}

/** How the booth's screen behaves, set by the operator (BOOTH_IDLE_SECONDS). */
export class BoothSettingsView {
  @ApiProperty({ example: 90, description: 'Seconds a booth page other than the welcome screen and the call may stay untouched before its countdown to the privacy wipe' })
  idleSeconds!: number;
}
