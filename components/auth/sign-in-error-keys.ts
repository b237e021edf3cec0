// The sign-in action answers in English (lib/auth: the same schema serves POST /api/auth/login);
// the form shows those answers in the merchant's language through this table. Its test keeps it
// in step with the schema: an unlisted text would show untranslated, never disappear.
export const SIGN_IN_ERROR_KEYS: Record<string, string> = {
  'Enter a valid email address': 'errors.email',
  'Enter your password': 'errors.passwordRequired',
  'Password is too long': 'errors.passwordTooLong',
  'Email or password is incorrect.': 'errors.invalidCredentials',
  // Given with the wait in minutes (SignInFormState.retryAfterMinutes).
  'Too many sign-in attempts. Try again later.': 'errors.tooManyAttempts',
}
