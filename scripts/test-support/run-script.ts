import { execFile, spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { processTree } from "@/scripts/lib/processes";

const execFileAsync = promisify(execFile);
const ROOT = path.resolve(__dirname, "../..");

/** `code` is null when the command was killed for running too long. */
export type ScriptRun = { code: number | null; stdout: string; stderr: string };
/** Variables on top of the test's environment; `undefined` removes one. */
export type ScriptEnv = Record<string, string | undefined>;

/**
 * The environment a command gets: the test's (its DATABASE_URL), NODE_ENV=production as in a
 * deployment, then `env`. An empty value counts as unset for lib/env.ts and keeps the .env files
 * from supplying one.
 */
function commandEnv(env: ScriptEnv): NodeJS.ProcessEnv {
  // npm's "new version available" notice is not the command's output.
  const merged: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "production", npm_config_update_notifier: "false", ...env };
  for (const [name, value] of Object.entries(merged)) if (value === undefined) delete merged[name];
  return merged;
}

/**
 * Runs one of the README's commands as a person does, `npm run <name> -- <args>` in the
 * repository, and reports its exit code and output instead of throwing. A command still running
 * after `timeoutMs` is killed (code null), so one that should have refused cannot hang the test.
 */
export async function runScript(
  name: string,
  args: string[] = [],
  options: { env?: ScriptEnv; timeoutMs?: number } = {},
): Promise<ScriptRun> {
  try {
    const { stdout, stderr } = await execFileAsync("npm", ["run", name, ...(args.length > 0 ? ["--", ...args] : [])], {
      cwd: ROOT,
      env: commandEnv(options.env ?? {}),
      timeout: options.timeoutMs ?? 60_000,
      killSignal: "SIGKILL",
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failure = error as { code?: number | string; killed?: boolean; stdout?: string; stderr?: string };
    const code = failure.killed ? null : typeof failure.code === "number" ? failure.code : 1;
    return { code, stdout: failure.stdout ?? "", stderr: failure.stderr ?? "" };
  }
}

export type RunningScript = {
  process: ChildProcess;
  /** Everything it printed so far, stdout and stderr together. */
  output: () => string;
  /** Resolves once `pattern` is in the output; rejects with the output if it exits or times out first. */
  waitForOutput: (pattern: RegExp, timeoutMs?: number) => Promise<void>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** The process and all its descendants (npm, the shell, tsx, node) still alive. */
  processTree: () => number[];
};

/** Starts a long-running command (`npm run worker`, `npm start`) as `runScript` runs one. */
export function startScript(name: string, args: string[] = [], options: { env?: ScriptEnv } = {}): RunningScript {
  const child = spawn("npm", ["run", name, ...(args.length > 0 ? ["--", ...args] : [])], {
    cwd: ROOT,
    env: commandEnv(options.env ?? {}),
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const listeners = new Set<() => void>();
  const append = (chunk: Buffer) => {
    output += chunk.toString("utf8");
    for (const listener of listeners) listener();
  };
  child.stdout.on("data", append);
  child.stderr.on("data", append);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once("exit", (code, signal) => resolve({ code, signal })),
  );

  const waitForOutput = (pattern: RegExp, timeoutMs = 30_000) =>
    new Promise<void>((resolve, reject) => {
      const done = (error?: Error) => {
        clearTimeout(timer);
        listeners.delete(check);
        if (error) reject(error);
        else resolve();
      };
      const check = () => {
        if (pattern.test(output)) done();
      };
      const timer = setTimeout(() => done(new Error(`no ${pattern} within ${timeoutMs} ms; output:\n${output}`)), timeoutMs);
      listeners.add(check);
      void exited.then(({ code, signal }) => {
        if (!pattern.test(output)) done(new Error(`exited (${code ?? signal}) before ${pattern}; output:\n${output}`));
      });
      check();
    });

  return { process: child, output: () => output, waitForOutput, exited, processTree: () => processTree(child.pid!) };
}
