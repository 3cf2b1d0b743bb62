// The auth pages, loaded together as one chunk by the app's router.
export { ForgotPasswordRoute } from './forgot-password';
export { LogInRoute } from './log-in';
export { ResetPasswordRoute } from './reset-password';
export { SignUpRoute } from './sign-up';
export { VerifyEmailRoute } from './verify-email';
