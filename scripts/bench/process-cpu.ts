/**
 * CPU seconds used by groups of processes, from Linux /proc: the benchmarks share a 2-core machine
 * with whatever else runs on it, so beside wall-clock seconds they report how much CPU each side
 * (the client, the production server's processes, PostgreSQL) actually used. Null where /proc cannot tell (another OS,
 * a remote database).
 */
import type postgres from "postgres";
import { procStat, processIds } from "../lib/processes";

const CLOCK_TICKS_PER_SECOND = 100;

type Selector = { group: number } | { parentOf: number };

/** Every process in a process group, or a process and its children (PostgreSQL's postmaster and backends). */
export function cpuSecondsOf(selector: Selector): number | null {
  try {
    let ticks = 0;
    for (const pid of processIds()) {
      // utime is field 14 of the stat line, stime 15, cutime 16, cstime 17: here 11…14.
      const fields = procStat(pid);
      if (!fields) continue; // gone meanwhile
      const matches =
        "group" in selector
          ? Number(fields[2]) === selector.group
          : pid === selector.parentOf || Number(fields[1]) === selector.parentOf;
      if (matches) ticks += Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]);
    }
    return ticks / CLOCK_TICKS_PER_SECOND;
  } catch {
    return null;
  }
}

/** The postmaster of the server `sql` is connected to, when it runs on this machine. */
export async function findPostmaster(sql: postgres.Sql): Promise<number | null> {
  try {
    const [row] = await sql<{ pid: number }[]>`select pg_backend_pid() as pid`;
    if (!row) return null;
    const parent = Number(procStat(row.pid)?.[1]);
    return Number.isInteger(parent) && parent > 1 ? parent : null;
  } catch {
    return null;
  }
}

/** CPU seconds the server used while `work` ran (null if it cannot be told). */
export async function withPostgresCpu<T>(
  postmaster: number | null,
  work: () => Promise<T>,
): Promise<{ result: T; postgresCpuSeconds: number | null }> {
  const before = postmaster === null ? null : cpuSecondsOf({ parentOf: postmaster });
  const result = await work();
  const after = postmaster === null ? null : cpuSecondsOf({ parentOf: postmaster });
  return { result, postgresCpuSeconds: before === null || after === null ? null : Math.round((after - before) * 100) / 100 };
}

export type CpuSample = { client: number; server: number | null; postgres: number | null };
export type CpuProbe = () => CpuSample;

/** CPU seconds so far of this process (the client), the HTTP server's process group and PostgreSQL. */
export function makeCpuProbe(serverGroup: number, postmaster: number | null): CpuProbe {
  return () => {
    const usage = process.cpuUsage();
    return {
      client: (usage.user + usage.system) / 1e6,
      server: cpuSecondsOf({ group: serverGroup }),
      postgres: postmaster === null ? null : cpuSecondsOf({ parentOf: postmaster }),
    };
  };
}
