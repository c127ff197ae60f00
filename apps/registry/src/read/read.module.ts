import { type DynamicModule, Global, Module } from '@nestjs/common';
import type { ReadSideOptions } from '@registry/projections';
import { API_KEY_DIRECTORY } from '../auth/api-key-directory';
import { READ_MODEL_PROGRESS } from './read-model-progress';
import { ApiKeyDirectoryProvider } from './api-key-directory.provider';
import { RecognitionApplicationsResolver } from './applications/recognition-applications.resolver';
import { CertificateListResolver } from './certificate-list.resolver';
import { CertificateResolver } from './certificate.resolver';
import { DirectoryConnectionsResolver } from './directory-connections.resolver';
import { DirectoryResolver } from './directory.resolver';
import { HistoryResolver } from './history.resolver';
import { ReadModelProgressProvider } from './read-model-progress.provider';
import { READ_SIDE_OPTIONS, ReadSideHost } from './read-side.host';
import { RecognitionResolver } from './recognition.resolver';
import { SkillsConnectionsResolver } from './skills/skills-connections.resolver';
import { RecognitionComparabilityResolver, SkillsResolver } from './skills/skills.resolver';
import { RecordTime } from './record-time/record-time';
import { RecognitionStatementResolver } from '../statements/recognition-statement.resolver';
import { RecognitionStatements } from '../statements/recognition-statements';

/**
 * The read side: projections kept up to date from the store's log (caught up before the app listens), the
 * query resolvers over them, READ_MODEL_PROGRESS (read-your-writes) and API_KEY_DIRECTORY. Global so the
 * write and auth layers inject those two without importing this module. Needs EVENT_STORE, REGISTRY_CONFIG,
 * the Authorizer (history) and the GraphQL platform module.
 */
@Global()
@Module({})
export class ReadModule {
  static register(options: { readSide?: ReadSideOptions }): DynamicModule {
    return {
      module: ReadModule,
      providers: [
        { provide: READ_SIDE_OPTIONS, useValue: options.readSide ?? {} },
        ReadSideHost,
        ReadModelProgressProvider,
        ApiKeyDirectoryProvider,
        { provide: READ_MODEL_PROGRESS, useExisting: ReadModelProgressProvider },
        { provide: API_KEY_DIRECTORY, useExisting: ApiKeyDirectoryProvider },
        RecordTime,
        RecognitionResolver,
        RecognitionStatements,
        RecognitionStatementResolver,
        CertificateResolver,
        CertificateListResolver,
        DirectoryResolver,
        DirectoryConnectionsResolver,
        HistoryResolver,
        RecognitionApplicationsResolver,
        SkillsResolver,
        SkillsConnectionsResolver,
        RecognitionComparabilityResolver,
      ],
      exports: [READ_MODEL_PROGRESS, API_KEY_DIRECTORY, ReadModelProgressProvider, ReadSideHost, RecordTime],
    };
  }
}
