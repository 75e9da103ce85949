// The trust pages (account recovery, email confirmation, the account page,
// vendor verification), imported by App.tsx in one line.
export { AccountPage } from './AccountPage';
export { ForgotPasswordPage } from './ForgotPasswordPage';
export { ResetPasswordPage } from './ResetPasswordPage';
export { VerifyEmailPage } from './VerifyEmailPage';
export { VerificationPage } from '../vendor/VerificationPage';
