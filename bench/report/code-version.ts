import { execFileSync } from 'node:child_process';

/** The commit measured, and whether the work tree differed from it: figures are only comparable per commit. */
export function codeVersion(root: string): string {
  try {
    const git = (...args: string[]): string => execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    const commit = git('rev-parse', '--short', 'HEAD');
    const dirty = git('status', '--porcelain', '--untracked-files=no', '--', 'apps', 'libs', 'eventstore', 'bench') !== '';
    return dirty ? `${commit} with uncommitted changes` : commit;
  } catch {
    return 'unknown (not a git work tree)';
  }
}
