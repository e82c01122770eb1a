/**
 * Who an audit entry's actor is, read back from its stored role and label (lib/audit/record-audit.ts),
 * so a page can say it in words: a person by their e-mail, the scheduler, a command someone ran
 * ("cli:evaluate (root)"), an API key by its name. Client-safe.
 */
export type ActorDescription =
  | { kind: "person"; email: string }
  | { kind: "scheduler" }
  | { kind: "command"; command: string; osUser: string | null }
  | { kind: "api-key"; name: string }
  | { kind: "system" };

const CLI_COMMAND = /^cli:(\S+)(?: \((.+)\))?$/;
const NPM_COMMAND = /^npm run (\S+)(?: \((?:os user )?(.+)\))?$/;

export function describeActor(entry: { actorRole: string; actorLabel: string }): ActorDescription {
  const label = entry.actorLabel;
  if (entry.actorRole === "api-key") return { kind: "api-key", name: label.replace(/^api-key:/, "") };
  if (entry.actorRole !== "system") return { kind: "person", email: label };
  if (label === "scheduler") return { kind: "scheduler" };
  const command = CLI_COMMAND.exec(label) ?? NPM_COMMAND.exec(label);
  if (command) return { kind: "command", command: `npm run ${command[1]!}`, osUser: command[2] ?? null };
  return { kind: "system" };
}
