import { IsIn } from 'class-validator';
import { CLIENT_FAULTS, type ClientFault } from '../../simulator-types';

/** POST /clients/{id}/faults. */
export class FaultDto {
  @IsIn(CLIENT_FAULTS, { message: `fault must be one of ${CLIENT_FAULTS.join(', ')}` })
  readonly fault!: ClientFault;
}
