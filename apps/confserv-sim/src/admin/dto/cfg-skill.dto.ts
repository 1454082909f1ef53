import { IsNotEmpty, IsString } from 'class-validator';
import { CfgObjectBaseDto } from './cfg-object-base.dto';

export class CfgSkillDto extends CfgObjectBaseDto {
  @IsString() @IsNotEmpty() readonly name!: string;
}
