import { ApplicationError } from './application-error';

/** One input field at fault: `path` is the dotted path inside the operation's arguments, e.g. `input.issuedOn`. */
export interface FieldError {
  path: string;
  message: string;
}

/** BAD_USER_INPUT naming every field at fault. */
export function badUserInput(fields: FieldError[]): ApplicationError {
  const summary = fields.map((f) => `${f.path}: ${f.message}`).join('; ');
  return new ApplicationError('BAD_USER_INPUT', `Invalid input: ${summary}`, { fields });
}
