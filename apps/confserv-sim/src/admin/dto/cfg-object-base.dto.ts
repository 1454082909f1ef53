import { CfgObjectState } from '@gws/confserv';
import { IsIn, IsInt, IsObject, IsOptional, Min } from 'class-validator';

/** Fields every editable object shares; DBID is optional on create (assigned) and comes from the path on update. */
export class CfgObjectBaseDto {
  @IsOptional() @IsInt() @Min(1) readonly DBID?: number;
  @IsOptional() @IsInt() @Min(1) readonly tenantDBID?: number;
  @IsOptional() @IsIn([CfgObjectState.Enabled, CfgObjectState.Disabled]) readonly state?: number;
  /** section -> option -> string; checked in depth by the object schema. */
  @IsOptional() @IsObject() readonly userProperties?: Record<string, Record<string, string>>;
}
