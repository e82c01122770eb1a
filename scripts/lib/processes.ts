/** Small process helpers shared by the benchmarks and the tests that start servers (Linux /proc). */
import fs from "node:fs";
import net from "node:net";

/** A TCP port free on the loopback interface right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

/** The fields of /proc/<pid>/stat after "pid (comm) ": state, ppid, pgrp, …; null once the process is gone. */
export function procStat(pid: number | string): string[] | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  } catch {
    return null;
  }
}

/** Every process id in /proc. */
export function processIds(): number[] {
  return fs
    .readdirSync("/proc")
    .filter((entry) => /^\d+$/.test(entry))
    .map(Number);
}

/** The processes whose parent is `parent`. */
export function childrenOf(parent: number): number[] {
  return processIds().filter((pid) => Number(procStat(pid)?.[1]) === parent);
}

/** Whether `pid` is a process that has not exited (a zombie has). */
export function isRunning(pid: number): boolean {
  const state = procStat(pid)?.[0];
  return state !== undefined && state !== "Z";
}

/** `pid` and its descendants that have not exited. */
export function processTree(pid: number): number[] {
  const tree = isRunning(pid) ? [pid] : [];
  for (let i = 0; i < tree.length; i++) tree.push(...childrenOf(tree[i]!).filter(isRunning));
  return tree;
}
