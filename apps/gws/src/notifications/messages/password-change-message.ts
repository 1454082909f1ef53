/**
 * `/v2/me`: outcome of a password change (errorCode 1 policy, 2 wrong old password, 3 internal).
 * The docs name the fields but not the `messageType` value; `PasswordChangeMessage` is inferred.
 */
export interface PasswordChangeMessage {
  messageType: 'PasswordChangeMessage';
  notificationType: 'PasswordChangeSuccessful' | 'PasswordChangeError';
  errorCode?: 1 | 2 | 3;
  errorMessage?: string;
}
