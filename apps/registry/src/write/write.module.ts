import { type DynamicModule, Module } from '@nestjs/common';
import { BootstrapAdminKey } from '../auth/bootstrap-admin-key';
import { ApiKeyMutations } from './api-keys/api-key.mutations';
import { ArrangementMutations } from './arrangements/arrangement.mutations';
import { CertificateMutations } from './certificates/certificate.mutations';
import { CorrectionMutations } from './certificates/correction.mutations';
import { CertificationBodyMutations } from './certification-bodies/certification-body.mutations';
import { CertificateImport } from './certificate-import/certificate-import';
import { ImportCertificatesMutation } from './certificate-import/import-certificates.mutation';
import { CommandPipelineModule } from './command-pipeline';
import { CommandAuthorizationGuard } from './mutation/command-authorization.guard';
import { CommandSender } from './mutation/command-sender';
import { RecognitionMutations } from './recognition-decisions/recognition.mutations';
import { ApplicationMutations } from './recognition-decisions/application.mutations';
import { SchemeMutations } from './schemes/scheme.mutations';
import { WitnessMutations } from './witnesses/witness.mutations';
import { NumberPrefixMutations } from './number-prefixes/number-prefix.mutations';
import { SkillsMutations } from './skills/skills.mutations';
import { WatchMutations } from '../notify/graphql/watch.mutations';

/**
 * Every GraphQL mutation, each a thin resolver over the one command pipeline. Needs EVENT_STORE, the global
 * AuthModule (Authorizer, and the AuthGuard that identifies callers) and, for read-your-writes,
 * READ_MODEL_PROGRESS from the read side.
 */
@Module({})
export class WriteModule {
  static register(): DynamicModule {
    return {
      module: WriteModule,
      imports: [CommandPipelineModule.register()],
      providers: [
        CommandSender,
        CertificateImport,
        ImportCertificatesMutation,
        CommandAuthorizationGuard,
        SchemeMutations,
        CertificationBodyMutations,
        CertificateMutations,
        CorrectionMutations,
        ArrangementMutations,
        RecognitionMutations,
        ApplicationMutations,
        ApiKeyMutations,
        WitnessMutations,
        NumberPrefixMutations,
        SkillsMutations,
        WatchMutations,
        BootstrapAdminKey,
      ],
    };
  }
}
