import { useTranslations } from "next-intl";
import { describeActor } from "@/lib/audit/actor-label";

type ActorTranslator = ReturnType<typeof useTranslations<"actors">>;

/** An audit entry's actor in words ("Command line: npm run evaluate (by root)"), with `t` of the `actors` catalog. */
export function actorInWords(t: ActorTranslator, entry: { actorRole: string; actorLabel: string }): string {
  const actor = describeActor(entry);
  switch (actor.kind) {
    case "person":
      return actor.email;
    case "scheduler":
      return t("scheduler");
    case "command":
      return actor.osUser
        ? t("command", { command: actor.command, osUser: actor.osUser })
        : t("commandNoUser", { command: actor.command });
    case "api-key":
      return t("apiKey", { name: actor.name });
    case "system":
      return t("system");
  }
}

/** An audit entry's actor in words. */
export function ActorName({ actorRole, actorLabel }: { actorRole: string; actorLabel: string }) {
  const t = useTranslations("actors");
  return <>{actorInWords(t, { actorRole, actorLabel })}</>;
}
