/**
 * T-Library error codes (`tliberr.h`) carried in EventError's ErrorCode. Only the codes a SIP Server simulator and a
 * GWS server act on are named; `errorText` gives a readable default ErrorMessage.
 */
export const TErrorCode = {
  NoMoreLicense: 40,
  NotRegistered: 41,
  ResourceSeized: 42,
  InSameState: 43,
  UnknownError: 50,
  UnsupportedOperation: 51,
  Internal: 52,
  InvalidAttribute: 53,
  NoSwitch: 54,
  ProtocolVersion: 55,
  InvalidConnId: 56,
  Timeout: 57,
  OutOfService: 58,
  NotConfigured: 59,
  InvalidCallingDn: 61,
  InvalidCalledDn: 71,
  AgentAlreadyReserved: 1700,
  SoftAgentInvalidId: 1703,
  SoftAgentIdInUse: 1704,
  SoftAgentPasswordMismatch: 1705,
  SoftAgentAlreadyLoggedIn: 1706,
  SoftAgentNotLoggedIn: 1707,
} as const;

const ERROR_TEXT: Readonly<Record<number, string>> = {
  40: 'No more licenses',
  41: 'DN is not registered',
  42: 'Resource already seized',
  43: 'Object is already in requested state',
  50: 'Unknown error',
  51: 'Operation not supported',
  52: 'Internal error',
  53: 'Invalid attribute value',
  54: 'No connection to the switch',
  55: 'Incorrect protocol version',
  56: 'Invalid connection ID',
  57: 'Timeout expired',
  58: 'Out of service',
  59: 'DN is not configured in the configuration database',
  61: 'Invalid calling DN',
  71: 'Invalid called DN',
  1700: 'Agent already reserved',
  1703: 'Invalid agent ID',
  1704: 'Agent ID is already in use',
  1705: 'Password does not match',
  1706: 'Agent is already logged in',
  1707: 'Agent is not logged in',
};

export function errorText(code: number): string {
  return ERROR_TEXT[code] ?? `T-Server error ${code}`;
}
