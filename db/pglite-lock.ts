/**
 * PGlite is single-process: two processes opening the same data directory corrupt it (say,
 * `npm run db:seed` while the demo app runs). A pid file next to the directory makes the second
 * one stop with a clear message instead. A file left by a process that no longer runs is taken over.
 */
import fs from "node:fs";

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Claims `dataDir` for this process; returns the function that releases it. */
export function claimDataDirectory(dataDir: string): () => void {
  const lockPath = `${dataDir}.pid`;
  const mine = String(process.pid);
  try {
    fs.writeFileSync(lockPath, mine, { flag: "wx" });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    const holder = Number(fs.readFileSync(lockPath, "utf8").trim());
    if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && isRunning(holder)) {
      throw new Error(
        `The embedded database in ${dataDir} is in use by process ${holder} (the running app?). ` +
          `It allows one process at a time: stop that process first, or use a PostgreSQL server (DATABASE_URL). ` +
          `If no such process runs, delete ${lockPath}.`,
      );
    }
    fs.writeFileSync(lockPath, mine);
  }
  const release = () => {
    try {
      if (fs.readFileSync(lockPath, "utf8").trim() === mine) fs.unlinkSync(lockPath);
    } catch {
      // Already gone.
    }
  };
  process.once("exit", release);
  return release;
}
