import { CfgDNType } from '@gws/confserv';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Min } from 'class-validator';
import { CfgObjectBaseDto } from './cfg-object-base.dto';

export class CfgDNDto extends CfgObjectBaseDto {
  @IsString() @IsNotEmpty() readonly number!: string;
  @IsIn(Object.values(CfgDNType)) readonly type!: number;
  @IsInt() @Min(1) readonly switchDBID!: number;
  @IsOptional() @IsString() readonly name?: string;
}
