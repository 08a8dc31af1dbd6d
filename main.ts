/**
 * The cdktf app, for `npx cdktf synth`: load → check → build stacks → synth. The environment folder
 * comes from GOVCLOUD_ENV (default environments/example-city); the output folder from cdktf
 * (CDKTF_OUTDIR, i.e. cdktf.json "output"). Our own CLI (`govcloud synth`) does the same with flags.
 */
import { formatIssue } from './config/issues';
import { langFromEnv } from './config/messages';
import { validateEnvironment } from './config/validate';
import { RULES } from './policies/registry';
import { synthesize, SynthError } from './stacks/synth';

const lang = langFromEnv(process.env.GOVCLOUD_LANG);
const result = validateEnvironment(process.env.GOVCLOUD_ENV ?? 'environments/example-city', { rules: RULES });
for (const i of result.issues) console.error(formatIssue(i, lang));
if (!result.model) {
  process.exitCode = 1;
} else {
  try {
    synthesize(result.model, { outDir: process.env.CDKTF_OUTDIR ?? 'cdktf.out' });
  } catch (e) {
    if (!(e instanceof SynthError)) throw e;
    for (const v of e.details.violations ?? [])
      console.error(`${v.stack} (${v.network}) refers to ${v.marker.what} ${v.marker.value} of the other network at ${v.path}: ${JSON.stringify(v.value)}`);
    process.exitCode = 1;
  }
}
