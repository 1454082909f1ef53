import {
  AddressType,
  CallInfoType,
  ControlMode,
  RegisterMode,
  tmessage,
  type AddressInfoType,
  type ConnId,
  type EnumValue,
  type TMessage,
} from '@gws/tlib';

/**
 * Shared-mode registration by default, as a desktop server needs: other clients may register the same DN.
 * ModeMonitor is for a DN this client only watches (for another GWS node) and will not control.
 */
export function registerAddressMessage(
  dn: string,
  addressType: EnumValue<typeof AddressType> = AddressType.DN,
  mode: EnumValue<typeof RegisterMode> = RegisterMode.ModeShare,
): TMessage {
  return tmessage('RequestRegisterAddress', {
    ThisDN: dn,
    RegisterMode: mode,
    ControlMode: ControlMode.RegisterDefault,
    AddressType: addressType,
  });
}

export function queryAddressMessage(dn: string, infoType: EnumValue<typeof AddressInfoType>): TMessage {
  return tmessage('RequestQueryAddress', { ThisDN: dn, AddressInfoType: infoType });
}

export function queryCallMessage(dn: string, connId: ConnId): TMessage {
  return tmessage('RequestQueryCall', { ThisDN: dn, ConnID: connId, CallInfoType: CallInfoType.PartiesQuery });
}
