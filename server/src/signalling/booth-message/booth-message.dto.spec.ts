import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { SendBoothMessageDto } from './booth-message.dto';

/** The field codes the API answers (the validation pipe reads each constraint's context). */
const problems = async (text: unknown) => {
  const errors = await validate(plainToInstance(SendBoothMessageDto, { text }));
  return errors.flatMap((e) => Object.keys(e.constraints ?? {}).map((name) => (e.contexts?.[name]?.code as string | undefined) ?? name));
};

describe('SendBoothMessageDto', () => {
  it('takes a short plain message, accents, quotes and emoji sequences included', async () => {
    expect(await problems('J’arrive dans 5 minutes. « Merci » 👩\u200d🦯')).toEqual([]);
  });

  it.each(['ligne\nsuivante', 'bip\u0007', 'abc\u202edcba', 'iso\u2066lé\u2069', 'zero\u200bwidth', 'word\u2060joiner', 'b\ufeffom', 'mark\u200f'])(
    'refuses %j as a control character',
    async (text) => {
      expect(await problems(text)).toEqual(['CONTROL_CHARACTER']);
    },
  );
});
