export { ApplicationError } from './application-error';
export { ERROR_CODES, isErrorCode, type ErrorCode } from './error-codes';
