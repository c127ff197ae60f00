export { type Config, type LogLevel, LOG_LEVELS, REGISTRY_CONFIG } from './config';
export { ConfigModule } from './config.module';
export { ConfigError, loadConfig } from './load-config';
