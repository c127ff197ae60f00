import { Injectable } from '@nestjs/common';
import { type Actor, type RegistryCommandType, type Role, isPermitted } from '@registry/domain';
import { ApplicationError } from '../errors';

/** Role-level permission at the edge: who may send a command, who may read what. Ownership (a CB acts on its own
 * certificates only) is decided by the domain, which knows the aggregate. */
@Injectable()
export class Authorizer {
  authorizeCommand(actor: Actor | null, type: RegistryCommandType): Actor {
    if (actor === null) throw new ApplicationError('UNAUTHENTICATED', `An API key is required to ${type}`);
    if (!isPermitted(type, actor.role)) {
      throw new ApplicationError('FORBIDDEN', `A ${actor.role} key may not ${type}`, { role: actor.role });
    }
    if (actor.role === 'CERTIFICATION_BODY' && !actor.cbId) {
      throw new ApplicationError('FORBIDDEN', 'This CERTIFICATION_BODY key is bound to no certification body');
    }
    if (actor.role === 'SKILLS_FOCAL_POINT' && !actor.country) {
      throw new ApplicationError('FORBIDDEN', 'This SKILLS_FOCAL_POINT key is bound to no country');
    }
    return actor;
  }

  requireRole(actor: Actor | null, roles: readonly Role[], what: string): Actor {
    if (actor === null) throw new ApplicationError('UNAUTHENTICATED', `An API key is required to read ${what}`);
    if (!roles.includes(actor.role)) {
      throw new ApplicationError('FORBIDDEN', `A ${actor.role} key may not read ${what}`, { role: actor.role });
    }
    return actor;
  }
}
