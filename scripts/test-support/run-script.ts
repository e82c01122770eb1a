import { execFile } from "node:child_process";
import { promisify } from "node:util";

const execFileAsync = promisify(execFile);

export type ScriptRun = { code: number; stdout: string; stderr: string };

/**
 * Runs one of the project's tsx scripts the way `npm run` does (react-server conditions, the test's
 * DATABASE_URL, NODE_ENV=production) and reports its exit code and output instead of throwing.
 */
export async function runScript(script: string, args: string[] = []): Promise<ScriptRun> {
  try {
    const { stdout, stderr } = await execFileAsync("npx", ["tsx", "--conditions=react-server", script, ...args], {
      env: { ...process.env, NODE_ENV: "production" },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failure = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failure.code ?? 1, stdout: failure.stdout ?? "", stderr: failure.stderr ?? "" };
  }
}
