import { IsString, Matches } from 'class-validator';

/** POST /calls/{connId}/dtmf: digits the external party keys. */
export class DtmfDto {
  @IsString()
  @Matches(/^[0-9*#A-Da-d]{1,32}$/, { message: 'digits must be 1-32 of 0-9 * # A-D' })
  readonly digits!: string;
}
