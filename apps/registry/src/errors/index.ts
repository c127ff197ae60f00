export { ApplicationError } from './application-error';
export { badUserInput, type FieldError } from './bad-user-input';
export { ERROR_CODES, isErrorCode, type ErrorCode } from './error-codes';
