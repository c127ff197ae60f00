import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import { DEFAULT_LOG_ORIGIN, LOG_LEVELS, type LogLevel } from './config';

/** The environment as the registry accepts it. Every message names the variable, so a bad value is found at once. */
export class EnvironmentVariables {
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value))
  @IsInt({ message: 'PORT must be a whole number from 0 to 65535 (got "$value")' })
  @Min(0, { message: 'PORT must be a whole number from 0 to 65535 (got "$value")' })
  @Max(65535, { message: 'PORT must be a whole number from 0 to 65535 (got "$value")' })
  PORT: number = 3000;

  @IsString()
  @Matches(/^[A-Za-z0-9.:[\]-]+$/, { message: 'HOST must be a host name or an IP address to listen on (got "$value")' })
  HOST: string = '0.0.0.0';

  @IsString()
  @IsNotEmpty({ message: 'REGISTRY_DATA_DIR must be a directory path' })
  REGISTRY_DATA_DIR: string = './data';

  @IsOptional()
  @Matches(/^esdb(\+discover)?:\/\/\S+$/, {
    message: 'EVENTSTORE_CONNECTION_STRING must be an EventStoreDB connection string such as esdb://host:2113?tls=true (got "$value")',
  })
  EVENTSTORE_CONNECTION_STRING?: string;

  @IsOptional()
  @IsString()
  // It travels as "Authorization: Bearer <key>": one token, no spaces, of a size the auth layer accepts. An
  // operator chooses it: 32 characters at least, so that it is not guessed.
  @Matches(/^\S{32,512}$/, { message: 'REGISTRY_ADMIN_KEY must be at least 32 characters long, at most 512, without spaces' })
  REGISTRY_ADMIN_KEY?: string;

  @IsOptional()
  @IsString()
  // Printable, no spaces, as it is read from compose files and shells; long enough not to be guessed.
  @Matches(/^[\x21-\x7e]{32,512}$/, { message: 'REGISTRY_KEY_SECRET must be 32 to 512 printable characters without spaces' })
  REGISTRY_KEY_SECRET?: string;

  @IsOptional()
  @IsString()
  @IsNotEmpty({ message: 'REGISTRY_KEY_SECRET_FILE must be a file path' })
  REGISTRY_KEY_SECRET_FILE?: string;

  @IsIn(LOG_LEVELS, { message: `LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')} (got "$value")` })
  LOG_LEVEL: LogLevel = 'info';

  // The origin is also the signing key's name in the signature lines: no spaces, no '+'.
  @Matches(/^[^\s+]{1,200}$/u, { message: 'REGISTRY_LOG_ORIGIN must be 1 to 200 characters without spaces or "+" (got "$value")' })
  REGISTRY_LOG_ORIGIN: string = DEFAULT_LOG_ORIGIN;

  @IsOptional()
  @IsString()
  @IsNotEmpty({ message: 'REGISTRY_SIGNING_KEY_FILE must be a file path' })
  REGISTRY_SIGNING_KEY_FILE?: string;

  @IsIn(['auto', 'full', 'incremental'], { message: 'REGISTRY_VERIFY_LOG_AT_START must be auto, full or incremental (got "$value")' })
  REGISTRY_VERIFY_LOG_AT_START: 'auto' | 'full' | 'incremental' = 'auto';

  @IsOptional()
  @Matches(/^https?:\/\/[^\s/?#@]+(\/[^\s?#]*)?$/, {
    message: 'REGISTRY_PUBLIC_URL must be an http(s) URL without query or fragment, such as https://registry.example.org (got "$value")',
  })
  REGISTRY_PUBLIC_URL?: string;
}
