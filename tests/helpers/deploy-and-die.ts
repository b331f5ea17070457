/**
 * Runs a deploy and kills its own process (SIGKILL: no cleanup, no finally) just before the named
 * step, the way a power cut or `kill -9` would. Used by the deploy tests:
 *
 *     node tests/helpers/deploy-and-die.ts <install dir> <package.tar.gz> <step>
 */
import { type DeployStep, deploy } from '../../src/lib/publishing/deploy-fs.ts';

const [to, archive, dieAt] = process.argv.slice(2) as [string, string, DeployStep];
await deploy({
  to,
  archive,
  onStep: (step) => {
    if (step === dieAt) process.kill(process.pid, 'SIGKILL');
  },
});
console.log('finished without dying');
