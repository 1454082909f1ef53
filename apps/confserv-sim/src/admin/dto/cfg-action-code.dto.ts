import { CfgActionCodeType } from '@gws/confserv';
import { IsIn, IsNotEmpty, IsString } from 'class-validator';
import { CfgObjectBaseDto } from './cfg-object-base.dto';

export class CfgActionCodeDto extends CfgObjectBaseDto {
  @IsString() @IsNotEmpty() readonly name!: string;
  @IsIn(Object.values(CfgActionCodeType)) readonly type!: number;
  @IsString() @IsNotEmpty() readonly code!: string;
}
