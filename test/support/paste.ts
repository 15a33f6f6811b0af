/** Shell blocks of a Markdown page, pasted into bash as a reader would paste them. */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './repository.js';

/**
 * The ```sh blocks of the section of `page` (relative to the repository) whose heading starts
 * with `heading` (`## Try it locally`), up to the next heading of that level or higher.
 */
export function shellBlocks(page: string, heading: string): string[] {
  const level = heading.indexOf(' ');
  const blocks: string[] = [];
  let inSection = false;
  let fence: { sh: boolean; lines: string[] } | undefined;
  for (const line of readFileSync(join(ROOT, page), 'utf8').split('\n')) {
    if (fence) {
      if (line !== '```') fence.lines.push(line);
      else {
        if (inSection && fence.sh) blocks.push(`${fence.lines.join('\n')}\n`);
        fence = undefined;
      }
    } else if (line.startsWith('```')) {
      fence = { sh: line === '```sh', lines: [] };
    } else {
      const depth = /^(#+) /.exec(line)?.[1]?.length;
      if (depth !== undefined && depth <= level) inSection = line.startsWith(heading);
    }
  }
  if (!blocks.length) throw new Error(`${page} has no sh blocks under ${heading}`);
  return blocks;
}

/** The environment of a fresh shell on a machine with no AWS configuration. */
export function shellEnv(home: string): NodeJS.ProcessEnv {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !name.startsWith('AWS_')),
  );
  return {
    ...env,
    AWS_CONFIG_FILE: join(home, 'no-aws-config'),
    AWS_SHARED_CREDENTIALS_FILE: join(home, 'no-aws-credentials'),
  };
}

/** `script` on bash's stdin, as a paste into a terminal runs it. */
export function paste(script: string, cwd: string, env: NodeJS.ProcessEnv) {
  return new Promise<{ status: number | null; stdout: string; stderr: string }>((done, fail) => {
    const bash = spawn('bash', [], { cwd, env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    bash.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
    });
    bash.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    bash.on('error', fail);
    bash.on('close', (status) => done({ status, stdout, stderr }));
    bash.stdin.end(script);
  });
}
