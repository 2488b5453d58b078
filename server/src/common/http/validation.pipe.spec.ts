import { Type } from 'class-transformer';
import { IsString, Matches, MaxLength, ValidateNested, validate } from 'class-validator';
import { plainToInstance } from 'class-transformer';
import { CancelConsultationDto } from '../../consultations/dto/change-consultation.dto';
import { toFieldErrors } from './validation.pipe';

class Citizen {
  @IsString()
  @MaxLength(5)
  name!: string;

  @Matches(/^\+\d+$/, { context: { code: 'INVALID_PHONE' } })
  phone!: string;
}

class Booking {
  @IsString()
  reason!: string;

  @ValidateNested()
  @Type(() => Citizen)
  citizen!: Citizen;
}

async function fieldErrorsOf(body: object) {
  const errors = await validate(plainToInstance(Booking, body), { whitelist: true, forbidNonWhitelisted: true });
  return toFieldErrors(errors);
}

describe('toFieldErrors', () => {
  it('answers a tree of codes shaped like the body: a decorator’s own code first, then the constraint’s', async () => {
    expect(await fieldErrorsOf({ reason: 'x', citizen: { name: 'Jeanne Martin', phone: '06' } })).toEqual({
      citizen: { name: ['TOO_LONG'], phone: ['INVALID_PHONE'] },
    });
  });

  it('a value left out is REQUIRED, whatever its other rules; an unknown field is UNKNOWN_FIELD', async () => {
    expect(await fieldErrorsOf({ citizen: { name: 'Jo', phone: '+33' }, extra: 1 })).toEqual({ reason: ['REQUIRED'], extra: ['UNKNOWN_FIELD'] });
  });

  it('a value of the wrong type is INVALID_TYPE', async () => {
    expect(await fieldErrorsOf({ reason: 42, citizen: { name: 'Jo', phone: '+33' } })).toEqual({ reason: ['INVALID_TYPE'] });
  });

  it('measures a cancellation reason once trimmed: spaces alone are TOO_SHORT, a real one arrives trimmed', async () => {
    const blank = plainToInstance(CancelConsultationDto, { reason: '     ' });
    expect(toFieldErrors(await validate(blank))).toEqual({ reason: ['TOO_SHORT'] });
    const given = plainToInstance(CancelConsultationDto, { reason: '  Agent absent  ' });
    expect(await validate(given)).toEqual([]);
    expect(given.reason).toBe('Agent absent');
  });
});
